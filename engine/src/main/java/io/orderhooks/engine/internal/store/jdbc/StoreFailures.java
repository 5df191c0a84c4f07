package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.core.error.OrderCloudException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * What a caller sees when the database fails: a key already taken is 409 {@code IdExists}; anything else (the
 * database unreachable, the pool exhausted, a lock wait timed out, a deadlock) is 503 {@code ServiceUnavailable},
 * after which the transaction has been rolled back, so nothing is half-written.
 */
final class StoreFailures {

    /** SQLState of a unique-key violation, on H2 and PostgreSQL alike. */
    static final String UNIQUE_VIOLATION = "23505";

    private StoreFailures() {
    }

    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    /**
     * Whether a unique violation is of a unique lookup ({@code documents_by_unique_lookup}, schema version 11) rather
     * than of a key: H2 and PostgreSQL both name the violated index in the message.
     */
    static boolean isUniqueLookupViolation(SQLException e) {
        return isUniqueViolation(e) && e.getMessage() != null
                && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("documents_by_unique_lookup");
    }

    static OrderCloudException idExists(String what, String key) {
        return new OrderCloudException(409, "IdExists", what + " already exists: " + key);
    }

    /** 503 for a database failure; the message names the cause class, never SQL or data. */
    static OrderCloudException unavailable(SQLException e) {
        String why = e instanceof SQLTransientConnectionException ? "no database connection is free"
                : isConnectionFailure(e) ? "the database is unreachable"
                : "the database could not complete the request (state " + e.getSQLState() + ")";
        OrderCloudException x = new OrderCloudException(503, "ServiceUnavailable",
                "The service is temporarily unavailable: " + why + ". Retry later.");
        x.initCause(e);
        return x;
    }

    /**
     * Whether the failure is the database refusing a transaction for what a concurrent one did: a serialization
     * failure or deadlock (SQLState class 40, both databases) or H2's concurrent update of a row (90131).
     */
    static boolean isConcurrencyFailure(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("40") || state.equals("90131"));
    }

    private static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("90067")
                || state.equals("90098") || state.equals("90121"));
    }
}
