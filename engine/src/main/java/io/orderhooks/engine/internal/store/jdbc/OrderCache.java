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
 * whose row is unchanged costs neither the transfer nor the JSON parse of its document. The check is a statement of
 * the read itself (and of the lock): {@code CASE WHEN seq = ? AND version = ? THEN NULL ELSE doc END} ({@link #CHECK},
 * without the order's {@link OrderLines}; a row found changed is then read again whole, document and lines in one
 * statement), so another engine instance's write on a shared database is seen at once, as without the cache.
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

    /**
     * A row remembered, with the {@link Transactions#tick} taken when it was: the commit that wrote (or made visible)
     * that version happened before {@code since}.
     */
    record Known(Row row, long since) {}

    private final Transactions tx;
    private final Map<String, Known> byId = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
            return size() > MAX_ORDERS;
        }
    };

    /** The order's row without its lines, locked: kept prepared on H2 ({@link KeptStatements}). */
    private static final String LOCK = "SELECT seq, version, CASE WHEN seq = ? AND version = ? THEN NULL ELSE doc END, "
            + "NULL FROM orders o WHERE id = ? FOR UPDATE";

    /**
     * {@link #LOCK} with the table versions ({@link TableVersions#COLUMN}) as its fourth column, on PostgreSQL, for a lock
     * that carries the proof of its request's assumed versions ({@link #lockIfCurrent}); null on H2. The versions are
     * read in the statement's snapshot, taken when it starts, after the request arrived and before anything it writes.
     */
    private final String lockProving;

    /**
     * The order's row without its lines, not locked: what a read of a remembered order runs first ({@link #read}). The
     * lines' subquery is left out of it because PostgreSQL plans a statement that has it anew on every run while the
     * lines' table grows (its range's estimate is a fixed share of the table, so the generic plan's cost keeps rising
     * above the average of the earlier custom plans, and the plan cache keeps choosing custom plans: ~0.4 ms of the
     * server per run, 7 % of its CPU under the checkout load); without it the generic plan's cost stays flat.
     */
    private static final String CHECK = "SELECT seq, version, CASE WHEN seq = ? AND version = ? THEN NULL ELSE doc END, "
            + "NULL FROM orders o WHERE id = ?";

    /** {@link #CHECK} carrying the proof of assumed versions, as {@link #readProving} does; null on H2. */
    private final String checkProving;
    private final KeptStatements statements;
    /** The order's row with its lines, not locked. */
    private final String read;

    OrderCache(Transactions tx, Dialect dialect, KeptStatements statements) {
        this.tx = tx;
        this.statements = statements;
        String columns = "SELECT seq, version, CASE WHEN seq = ? AND version = ? THEN NULL ELSE doc END, "
                + "CASE WHEN seq = ? AND version = ? THEN NULL ELSE " + OrderLines.column(dialect) + " END";
        this.read = columns + " FROM orders o WHERE id = ?";
        this.lockProving = dialect == Dialect.POSTGRESQL ? LOCK.replace("NULL FROM", TableVersions.COLUMN + " FROM") : null;
        String proving = ", v.versions FROM (SELECT " + TableVersions.COLUMN + " AS versions) v LEFT JOIN orders o ON o.id = ?";
        this.readProving = dialect == Dialect.POSTGRESQL ? columns + proving : null;
        this.checkProving = dialect == Dialect.POSTGRESQL ? CHECK.replace(" FROM orders o WHERE id = ?", proving) : null;
    }

    /**
     * {@link #read} that also reads the table versions ({@link TableVersions#COLUMN}): on PostgreSQL, while the thread's
     * request owes the proof of its assumed versions ({@link Transactions#proofDue}: an estimate's or calculate's first
     * read of the order, before its call out), the order read carries it, also when the order does not exist (one row
     * whose {@code seq} is null: the versions joined to no order); null on H2.
     */
    private final String readProving;

    /**
     * The order's row on {@code c} ({@code FOR UPDATE} when {@code lock}); the document and lines are transferred and
     * parsed only when the row is not the one cached. Without the lock the lines come in the same statement (one
     * snapshot); with it they are read by a second statement once the lock is held: a statement that waited for the
     * lock gets the row as the other transaction committed it, but its subqueries would still see the lines as they
     * were when it started.
     */
    Optional<Row> read(Connection c, String orderID, boolean lock) throws SQLException {
        Row known = row(orderID);
        if (lock) {
            return statements.run(c, LOCK, ps -> read(c, ps, orderID, known, true));
        }
        if (known != null) {
            // the remembered row is checked first, without the lines (CHECK); a row changed since is read again whole,
            // document and lines in one snapshot
            Optional<Row> same = proving((sql, proof) -> statements.run(c, sql, ps -> check(ps, orderID, known, proof)),
                    CHECK, checkProving);
            if (same != null) {
                return same;
            }
        }
        return proving((sql, proof) -> statements.run(c, sql, ps -> read(c, ps, orderID, known, false, proof)), read,
                readProving);
    }

    /**
     * A read that may carry the proof of the request's assumed versions: its statement's work, given the SQL and where
     * to put the versions column it read (null when it reads none).
     */
    @FunctionalInterface
    private interface ProvingRead<R> {
        R run(String sql, String[] proof) throws SQLException;
    }

    /**
     * Runs {@code work} with {@code plain}, or with {@code proving} (whose last column is {@link TableVersions#COLUMN})
     * while the thread's request owes the proof of its assumed versions ({@link Transactions#proofDue}; PostgreSQL),
     * then proves them with the versions it read.
     */
    private <R> R proving(ProvingRead<R> work, String plain, String proving) throws SQLException {
        if (proving == null || !tx.proofDue()) {
            return work.run(plain, null);
        }
        long tick = Transactions.tick();
        String[] proof = new String[1];
        R r = work.run(proving, proof);
        tx.provenBy(proof[0], tick);
        return r;
    }

    /**
     * {@link #CHECK} (or {@link #checkProving}) of the remembered row {@code known}: {@code known} when the row is still
     * that version, empty when the order is gone, null when the row changed since (its document came back).
     */
    private Optional<Row> check(PreparedStatement ps, String orderID, Row known, String[] proof) throws SQLException {
        ps.setLong(1, known.seq());
        ps.setLong(2, known.version());
        ps.setString(3, orderID);
        try (ResultSet rs = ps.executeQuery()) {
            if (!found(rs, orderID, proof)) {
                return Optional.empty();
            }
            return rs.getString(3) == null ? Optional.of(known) : null;
        }
    }

    /**
     * Whether the read's result {@code rs} has the order's row (positioned on it); with {@code proof} not null (a proving
     * statement) the fifth column, the versions, is read into it first (the one row comes also without the order). An
     * order not found is forgotten.
     */
    private boolean found(ResultSet rs, String orderID, String[] proof) throws SQLException {
        boolean found = rs.next();
        if (found && proof != null) {
            proof[0] = rs.getString(5);
            found = rs.getObject(1) != null;
        }
        if (!found) {
            forget(orderID);
        }
        return found;
    }

    private Optional<Row> read(Connection c, PreparedStatement ps, String orderID, Row known, boolean lock)
            throws SQLException {
        return read(c, ps, orderID, known, lock, null);
    }

    /** With {@code proof} not null, {@link #readProving}: its fifth column, the versions, read into it. */
    private Optional<Row> read(Connection c, PreparedStatement ps, String orderID, Row known, boolean lock, String[] proof)
            throws SQLException {
        int p = 1;
        for (int i = lock ? 1 : 2; i > 0; i--) {
            ps.setLong(p++, known == null ? -1 : known.seq());
            ps.setLong(p++, known == null ? -1 : known.version());
        }
        ps.setString(p, orderID);
        try (ResultSet rs = ps.executeQuery()) {
            if (!found(rs, orderID, proof)) {
                return Optional.empty();
            }
            String doc = rs.getString(3);
            if (doc == null && known != null) {
                return Optional.of(known);
            }
            String lineDocs = lock ? OrderLines.select(c, rs.getLong(1)) : rs.getString(4);
            Row row = new Row(rs.getLong(1), rs.getLong(2), OrderLines.read(doc, lineDocs));
            remember(orderID, row);
            return Optional.of(row);
        }
    }

    /**
     * Locks the order's row on {@code c} if it is still {@code known} (same {@code seq} and {@code version}); false, with
     * the row locked or absent, when it is not. The lock statement of {@link #read}, without parsing what it returns.
     * While the thread's request owes the proof of its assumed versions ({@link Transactions#proofDue}, PostgreSQL) the
     * statement carries it ({@link #lockProving}; when the row is absent, it carries none); otherwise, when the
     * transaction has no versions yet within a request ({@link Transactions#versionsWanted}), it reads them too, for the
     * transaction's later shared reads and the request's next group ({@link Transactions#versionsRead}).
     */
    boolean lockIfCurrent(Connection c, String orderID, Row known) throws SQLException {
        boolean proving = lockProving != null && tx.proofDue();
        boolean reading = lockProving != null && !proving && tx.versionsWanted();
        long tick = proving || reading ? Transactions.tick() : 0;
        String[] versionsColumn = proving || reading ? new String[1] : null;
        boolean current = statements.run(c, versionsColumn != null ? lockProving : LOCK, ps -> {
            ps.setLong(1, known.seq());
            ps.setLong(2, known.version());
            ps.setString(3, orderID);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                if (versionsColumn != null) {
                    versionsColumn[0] = rs.getString(4);
                }
                return rs.getString(3) == null;
            }
        });
        if (proving) {
            tx.provenBy(versionsColumn[0], tick);
        } else if (reading && current) {
            tx.versionsRead(versionsColumn[0], tick);
        }
        return current;
    }

    /** The row remembered for the order, with when it was remembered; null when none is. */
    synchronized Known known(String orderID) {
        return byId.get(orderID);
    }

    /** {@code row} (read or written by the calling thread), remembered now or, inside a transaction, once it commits. */
    void remember(String orderID, Row row) {
        tx.afterCommit(() -> put(orderID, row));
    }

    /** Forgets the order (its row is deleted). */
    synchronized void forget(String orderID) {
        byId.remove(orderID);
    }

    private synchronized Row row(String orderID) {
        Known k = byId.get(orderID);
        return k == null ? null : k.row();
    }

    private synchronized void put(String orderID, Row row) {
        byId.put(orderID, new Known(row, Transactions.tick()));
    }
}
