package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.core.model.Order;
import io.orderhooks.engine.internal.store.OrderListScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code order_counts} table (schema version 6): how many orders each company has on each side (from / to) in
 * each status, so that {@code Meta.TotalCount} of a company's list filtered by status only is a sum of a few rows
 * instead of a count of up to every order. Since schema version 13 a third side, {@code B}, counts the orders whose
 * company is on both sides (from = to; no row at all for the usual order), so that a list of either side
 * ({@code Direction=All}) counts exactly as {@code F + T - B}. Exact, never estimated: every insert, status or
 * company change and delete of an order writes its deltas ({@code +1}/{@code -1}) in the same transaction as the
 * order row ({@link OrderRows}), and a count is one statement (one snapshot).
 *
 * <p>Deltas are appended, never updated in place, so concurrent writes of orders of one company (a seller receives
 * every order) do not queue on one counter row. A count that finds more than {@value #COMPACT_ABOVE} delta rows for
 * a key folds the rows it can lock ({@code FOR UPDATE SKIP LOCKED}: rows another compaction holds are left for it)
 * into one row holding their sum, in one transaction (the count's, or its own when the count is a lone read); the
 * sum of a key's rows never changes by folding.
 */
final class OrderCounts {

    static final int COMPACT_ABOVE = 64;

    /** Each order status's wire name, by constant ({@link #status}). */
    private static final Map<Enum<?>, String> WIRE_NAMES = new ConcurrentHashMap<>();

    private OrderCounts() {
    }

    /** The key of an order on one side: side letter, company, status (the empty string when it has none). */
    private record Key(String side, String company, String status) {}

    static void added(Connection c, Order o) throws SQLException {
        write(c, deltas(null, o));
    }

    static void changed(Connection c, Order before, Order after) throws SQLException {
        write(c, deltas(before, after));
    }

    /**
     * The deltas of changing {@code before} into {@code after} ({@code null}: a new order) as a data-modifying
     * {@code WITH} clause (PostgreSQL) to follow the clause {@code u}, the order row's write ({@code ... RETURNING id}),
     * so that the row and its counts are one statement, the counts written only when that write wrote the row (the
     * clause joins {@code u}); {@link OrderLines.Changes#NONE} when nothing changes.
     */
    static OrderLines.Changes clause(Order before, Order after) {
        Map<Key, Long> d = deltas(before, after);
        if (d.isEmpty()) {
            return OrderLines.Changes.NONE;
        }
        StringBuilder rows = new StringBuilder();
        List<Object> params = new ArrayList<>(d.size() * 4);
        for (Map.Entry<Key, Long> e : d.entrySet()) {
            rows.append(rows.isEmpty() ? "" : ", ").append("(?, ?, ?, CAST(? AS BIGINT))");
            params.add(e.getKey().side());
            params.add(e.getKey().company());
            params.add(e.getKey().status());
            params.add(e.getValue());
        }
        return new OrderLines.Changes(", counted AS (INSERT INTO order_counts (side, company, status, n) "
                + "SELECT v.side, v.company, v.status, v.n FROM u, (VALUES " + rows + ") v(side, company, status, n))", params);
    }

    static void removed(Connection c, Order o) throws SQLException {
        write(c, deltas(o, null));
    }

    /** The deltas of many new orders, one row per key. */
    static void addedAll(Connection c, Collection<Order> orders) throws SQLException {
        Map<Key, Long> all = new LinkedHashMap<>();
        for (Order o : orders) {
            deltas(null, o).forEach((k, n) -> all.merge(k, n, Long::sum));
        }
        write(c, all);
    }

    private static Map<Key, Long> deltas(Order before, Order after) {
        Map<Key, Long> d = new LinkedHashMap<>();
        for (Key k : keys(before)) {
            d.merge(k, -1L, Long::sum);
        }
        for (Key k : keys(after)) {
            d.merge(k, 1L, Long::sum);
        }
        d.values().removeIf(n -> n == 0);
        return d;
    }

    private static List<Key> keys(Order o) {
        if (o == null) {
            return List.of();
        }
        String status = o.status() == null ? "" : status(o.status());
        List<Key> keys = new ArrayList<>(2);
        if (o.fromCompanyID() != null) {
            keys.add(new Key("F", o.fromCompanyID(), status));
        }
        if (o.toCompanyID() != null) {
            keys.add(new Key("T", o.toCompanyID(), status));
        }
        if (o.fromCompanyID() != null && o.fromCompanyID().equals(o.toCompanyID())) {
            keys.add(new Key("B", o.fromCompanyID(), status));
        }
        return keys;
    }

    /** The status's wire name (as the stored document spells it), worked out once per constant. */
    static String status(Enum<?> status) {
        return WIRE_NAMES.computeIfAbsent(status, s -> StoreJson.read(StoreJson.write(s), String.class));
    }

    private static void write(Connection c, Map<Key, Long> deltas) throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO order_counts (side, company, status, n) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<Key, Long> e : deltas.entrySet()) {
                ps.setString(1, e.getKey().side());
                ps.setString(2, e.getKey().company());
                ps.setString(3, e.getKey().status());
                ps.setLong(4, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * How many orders {@code company} has on {@code side} ({@code FROM}, {@code TO} or {@code EITHER}) with one of
     * {@code statuses} (the empty string for none), exactly; folds keys with many delta rows afterwards.
     */
    static long count(Connection c, OrderListScope.Side side, String company, Collection<String> statuses) throws SQLException {
        if (statuses.isEmpty()) {
            return 0;
        }
        List<String> letters = letters(side);
        List<Object> params = new ArrayList<>(letters);
        params.add(company);
        params.addAll(statuses);
        String in = String.join(", ", Collections.nCopies(statuses.size(), "?"));
        long total = 0;
        List<Key> crowded = new ArrayList<>();
        try (PreparedStatement ps = OrderListSql.prepare(c, "SELECT side, status, SUM(n), COUNT(*) FROM order_counts "
                + "WHERE side IN (" + String.join(", ", Collections.nCopies(letters.size(), "?")) + ") AND company = ? "
                + "AND status IN (" + in + ") GROUP BY side, status", params);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String letter = rs.getString(1).trim();
                total += letter.equals("B") ? -rs.getLong(3) : rs.getLong(3);
                if (rs.getLong(4) > COMPACT_ABOVE) {
                    crowded.add(new Key(letter, company, rs.getString(2)));
                }
            }
        }
        for (Key k : crowded) {
            fold(c, k);
        }
        return total;
    }

    /** The sides whose counts add up to {@code side}: either side is from + to - both (from = to). */
    private static List<String> letters(OrderListScope.Side side) {
        return switch (Objects.requireNonNull(side)) {
            case FROM -> List.of("F");
            case TO -> List.of("T");
            case EITHER -> List.of("F", "T", "B");
        };
    }

    /**
     * Replaces the key's delta rows this transaction can lock by one row holding their sum; on a connection in
     * auto-commit (a lone read), in a transaction of its own, so the rows go and their sum comes in one commit.
     */
    private static void fold(Connection c, Key k) throws SQLException {
        boolean own = c.getAutoCommit();
        if (own) {
            c.setAutoCommit(false);
        }
        try {
            foldRows(c, k);
            if (own) {
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            if (own) {
                c.rollback();
            }
            throw e;
        } finally {
            if (own) {
                c.setAutoCommit(true);
            }
        }
    }

    private static void foldRows(Connection c, Key k) throws SQLException {
        List<Long> ids = new ArrayList<>();
        long sum = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, n FROM order_counts WHERE side = ? AND company = ? "
                + "AND status = ? FOR UPDATE SKIP LOCKED")) {
            ps.setString(1, k.side());
            ps.setString(2, k.company());
            ps.setString(3, k.status());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    sum += rs.getLong(2);
                }
            }
        }
        if (ids.size() < 2) {
            return;
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM order_counts WHERE id = ?")) {
            for (Long id : ids) {
                del.setLong(1, id);
                del.addBatch();
            }
            del.executeBatch();
        }
        if (sum != 0) {
            write(c, Map.of(k, sum));
        }
    }
}
