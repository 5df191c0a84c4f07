package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.internal.orders.OrderState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The orders this process read or wrote last, each with the row's {@code seq} (never reused, so a deleted and
 * re-created ID is another row) and {@code version} (incremented by every write of the row), so that reading an order
 * whose row is unchanged costs neither the transfer nor the JSON parse of its document. The check is in the same
 * statement as the read (and the lock): {@code CASE WHEN seq = ? AND version = ? THEN NULL ELSE doc END}, so another
 * engine instance's write on a shared database is seen at once, as without the cache.
 *
 * <p>Only committed states are remembered: inside a transaction what was read or written is remembered after the
 * commit ({@link Transactions#afterCommit}); a rolled-back write leaves the entry of the version before it, which is
 * still that version's content. Bounded to the {@value #MAX_ORDERS} orders used last. Cached states are shared, as
 * the in-memory store shares its states: callers never change them. Thread-safe.
 */
final class OrderCache {

    static final int MAX_ORDERS = 256;

    /** An order row as read: its identity, version and state. */
    record Row(long seq, long version, OrderState state) {}

    private final Transactions tx;
    private final Map<String, Row> byId = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Row> eldest) {
            return size() > MAX_ORDERS;
        }
    };

    OrderCache(Transactions tx) {
        this.tx = tx;
    }

    /**
     * The order's row on {@code c} ({@code FOR UPDATE} when {@code lock}); the document is transferred and parsed only
     * when the row is not the one cached.
     */
    Optional<Row> read(Connection c, String orderID, boolean lock) throws SQLException {
        Row known = get(orderID);
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, version, CASE WHEN seq = ? AND version = ? THEN NULL "
                + "ELSE doc END FROM orders WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setLong(1, known == null ? -1 : known.seq());
            ps.setLong(2, known == null ? -1 : known.version());
            ps.setString(3, orderID);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    forget(orderID);
                    return Optional.empty();
                }
                long seq = rs.getLong(1);
                long version = rs.getLong(2);
                String doc = rs.getString(3);
                if (doc == null && known != null) {
                    return Optional.of(known);
                }
                Row row = new Row(seq, version, StoreJson.read(doc, OrderState.class));
                remember(orderID, row);
                return Optional.of(row);
            }
        }
    }

    /** {@code row} (read or written by the calling thread), remembered now or, inside a transaction, once it commits. */
    void remember(String orderID, Row row) {
        tx.afterCommit(() -> put(orderID, row));
    }

    /** Forgets the order (its row is deleted). */
    synchronized void forget(String orderID) {
        byId.remove(orderID);
    }

    private synchronized Row get(String orderID) {
        return byId.get(orderID);
    }

    private synchronized void put(String orderID, Row row) {
        byId.put(orderID, row);
    }
}
