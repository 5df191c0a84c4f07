package io.orderhooks.engine.internal.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Document writes of an optimistic order write on PostgreSQL ({@link Transactions#optimistic}) that wait for the order's
 * own statement: a row inserted or a row discarded in the {@code documents} table of a table that is not read-mostly
 * (a submit's hold, {@code SubmitHolds}), made while the transaction is still in auto-commit mode and has not locked
 * its order ({@link JdbcRepository#insert}, {@link JdbcRepository#discard}). They become {@code WITH} clauses of the
 * order's version-guarded statement ({@link #clauses}, joined to its {@code u}, so they write only when the order row
 * matched), and the work commits with that one statement: a submit's reserve and complete steps each one round trip
 * instead of the order's lock, the document's statement, the order's and a {@code COMMIT}. When anything else comes
 * first that needs an explicit transaction (another write, a read of the database, an order operation that ends
 * without writing the order) they are made as statements of their own right after the order's lock ({@link #flush}),
 * in the order they were asked for, as without deferring.
 *
 * <p>An insert whose key is taken cannot fail at the call any more: the order's statement then fails with the unique
 * violation (nothing of it written, it commits alone) or, flushed, inserts nothing; either way the optimistic attempt is
 * abandoned ({@link Refused}) and the work runs again on the locked path, where the insert is made at once and refused
 * with its usual error. Not thread-safe: one per transaction.
 */
final class DeferredWrites {

    /** The optimistic attempt cannot keep the writes it deferred; it runs again on the locked path. */
    static final class Refused extends RuntimeException {
        Refused() {
            super("a deferred document write was refused", null, false, false);
        }
    }

    /**
     * One write of the row of {@code table} under {@code key}: its clause (a format taking the clause's name) with its
     * parameters (text, in order), and the same write as a statement of its own, which answers whether it was kept.
     */
    private record Write(String table, String key, String clause, List<String> params, SqlWork<Boolean> alone) {}

    private final List<Write> writes = new ArrayList<>();

    /** Adds a write (see {@link Write}). */
    void add(String table, String key, String clause, List<String> params, SqlWork<Boolean> alone) {
        writes.add(new Write(table, key, clause, params, alone));
    }

    /** Whether a write of the row of {@code table} under {@code key} is among these. */
    boolean touches(String table, String key) {
        return writes.stream().anyMatch(w -> w.table().equals(table) && w.key().equals(key));
    }

    boolean isEmpty() {
        return writes.isEmpty();
    }

    /** The writes as {@code WITH} clauses to follow the order's guarded {@code u} (names {@code deferred0}, ...). */
    OrderLines.Changes clauses() {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            sql.append(", ").append(String.format(writes.get(i).clause(), "deferred" + i));
            params.addAll(writes.get(i).params());
        }
        return new OrderLines.Changes(sql.toString(), params);
    }

    /**
     * Makes the writes on {@code c} (in an explicit transaction, after the order's lock), each a statement of its own;
     * {@link Refused} when one was not kept (an insert's key or unique lookup taken).
     */
    void flush(Connection c) throws SQLException {
        for (Write w : writes) {
            if (!w.alone().run(c)) {
                throw new Refused();
            }
        }
        writes.clear();
    }
}
