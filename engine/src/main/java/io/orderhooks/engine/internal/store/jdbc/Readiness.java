package io.orderhooks.engine.internal.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The store's readiness for {@code /ready}: a pooled connection within the pool's timeout, and the schema history
 * holding this engine's newest migration, applied successfully, with no failed one. The newest version is read
 * from the shipped migrations once.
 */
final class Readiness {

    private static final String APPLIED = "SELECT"
            + " (SELECT count(*) FROM \"flyway_schema_history\" WHERE \"version\" = ? AND \"success\" = TRUE),"
            + " (SELECT count(*) FROM \"flyway_schema_history\" WHERE \"success\" = FALSE)";

    private final DataSource pool;
    private final String latest;

    Readiness(DataSource pool) {
        this.pool = pool;
        this.latest = SchemaMigration.latest(Flyway.configure().dataSource(pool).locations(SchemaMigration.LOCATION)
                .loggers("slf4j").load());
    }

    /** Null when ready, else what is wrong. */
    String problem() {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(APPLIED)) {
            ps.setString(1, latest);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(2) > 0) {
                    return "a schema migration failed (see flyway_schema_history)";
                }
                return rs.getLong(1) > 0 ? null : "schema version " + latest + " is not applied yet";
            }
        } catch (SQLException | RuntimeException e) {
            return "database unreachable: " + StoreStartFailure.rootMessage(e);
        }
    }
}
