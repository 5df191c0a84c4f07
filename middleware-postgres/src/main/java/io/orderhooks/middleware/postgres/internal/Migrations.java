package io.orderhooks.middleware.postgres.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The middleware schema's Flyway migrations ({@code classpath:io/orderhooks/middleware/postgres/migration}),
 * in their own schema with their own history table, so they never meet an engine's migrations in a shared
 * database.
 */
public final class Migrations {

    private final DataSource data;
    private final String latest;

    private Migrations(DataSource data, String latest) {
        this.data = data;
        this.latest = latest;
    }

    /** Applies pending migrations (Flyway serializes concurrent instances with a lock). */
    public static Migrations apply(DataSource data) {
        Flyway flyway = Flyway.configure().dataSource(data).schemas(Sql.SCHEMA).createSchemas(true)
                .locations("classpath:io/orderhooks/middleware/postgres/migration").load();
        flyway.migrate();
        MigrationInfo[] all = flyway.info().all();
        return new Migrations(data, all[all.length - 1].getVersion().getVersion());
    }

    /** Null when the database answers and has the latest migration; otherwise what is wrong. */
    public String problem() {
        return Sql.read(data, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + Sql.SCHEMA
                    + ".flyway_schema_history WHERE success AND version = ?")) {
                s.setString(1, latest);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? null : "migration " + latest + " is not applied";
                }
            }
        });
    }
}
