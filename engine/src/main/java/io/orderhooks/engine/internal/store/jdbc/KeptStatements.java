package io.orderhooks.engine.internal.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store's locking reads ({@code SELECT ... FOR UPDATE}) kept prepared per database connection on H2. H2 keeps the
 * parsed form of a statement in its per-session query cache ({@code QUERY_CACHE_SIZE}), except for a select with
 * {@code FOR UPDATE}, which it parses and plans again on every {@code prepareStatement}: the order's lock at the start
 * of every order operation (25 a 20-line checkout) and a document's lock in {@link JdbcRepository#update}. Executing one
 * prepared statement object again does not parse it again, so on H2 such a statement is prepared once on the pool's
 * physical connection (beneath HikariCP's proxy, which closes the statements made through it when the connection goes
 * back to the pool) and executed again by every later use of that connection. PostgreSQL keeps server-prepared
 * statements per connection itself (pgjdbc's statement cache): there every call prepares as usual.
 *
 * <p>A pooled connection is used by one thread at a time, so its statements are too. Entries of connections that were
 * closed (HikariCP retires a connection after its lifetime) are dropped when a new connection is first seen.
 */
final class KeptStatements {

    /** The work on a prepared statement; the statement is the caller's only while {@code run} runs. */
    @FunctionalInterface
    interface StatementWork<R> {
        R run(PreparedStatement ps) throws SQLException;
    }

    private final boolean keep;
    private final Map<Connection, Map<String, PreparedStatement>> byConnection = new ConcurrentHashMap<>();

    KeptStatements(Dialect dialect) {
        this.keep = dialect == Dialect.H2;
    }

    /**
     * Runs {@code work} on {@code sql} prepared on {@code c}: on H2 a statement kept for {@code c}'s physical connection
     * (its parameters are those {@code work} sets; {@code work} closes what it opens, e.g. its result set), elsewhere a
     * statement prepared for this call and closed after it.
     */
    <R> R run(Connection c, String sql, StatementWork<R> work) throws SQLException {
        if (!keep) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                return work.run(ps);
            }
        }
        Connection physical = c.unwrap(Connection.class);
        Map<String, PreparedStatement> kept = byConnection.get(physical);
        if (kept == null) {
            byConnection.keySet().removeIf(KeptStatements::closed);
            kept = new ConcurrentHashMap<>();
            byConnection.put(physical, kept);
        }
        PreparedStatement ps = kept.get(sql);
        if (ps == null) {
            ps = physical.prepareStatement(sql);
            kept.put(sql, ps);
        }
        return work.run(ps);
    }

    /** How many connections have statements kept (for tests). */
    int connections() {
        return byConnection.size();
    }

    private static boolean closed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
