package io.orderhooks.engine.internal.store.jdbc;

import java.util.Arrays;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Brings a database to this engine's schema with Flyway (the migrations in
 * {@code io/orderhooks/engine/store/migration}), refusing a database written by a newer engine: its schema
 * may mean things this engine does not know, and migrating it "down" would lose them.
 */
final class SchemaMigration {

    static final String LOCATION = "classpath:io/orderhooks/engine/store/migration";

    private SchemaMigration() {
    }

    /** Migrates {@code db}; {@link StoreStartFailure} naming {@code where} when it is newer or a migration fails. */
    static void migrate(DataSource db, String where) {
        Flyway flyway = Flyway.configure().dataSource(db).locations(LOCATION)
                .javaMigrations(javaMigrations()).loggers("slf4j").load();
        MigrationInfo[] applied = flyway.info().applied();
        String newer = Arrays.stream(applied)
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .map(m -> String.valueOf(m.getVersion())).collect(Collectors.joining(", "));
        if (!newer.isEmpty()) {
            throw new StoreStartFailure(where + " was written by a newer orderhooks (schema version " + newer
                    + "; this one knows up to " + latest(flyway) + "); refusing to start rather than downgrade it");
        }
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            throw new StoreStartFailure("migrating " + where + " to schema version " + latest(flyway) + " failed: "
                    + StoreStartFailure.rootMessage(e), e);
        }
    }

    /** The engine's Java migrations (Flyway finds the SQL ones at {@link #LOCATION}). */
    static JavaMigration[] javaMigrations() {
        return new JavaMigration[] {new V4__move_delivery_documents(), new V6__order_list_columns_and_counts(),
            new V7__order_xp_jsonb(), new V12__fill_unique_lookups(),
            new V13__buyer_lists_date_ranges_and_either_side_counts(), new V15__order_lines_as_rows(),
            new V17__cart_updates_without_index_writes(), new V18__order_lines_by_one_key(),
            new V19__order_columns_written_not_generated(), new V20__journal_marks()};
    }

    /** The newest schema version this engine ships. */
    static String latest(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion)
                .filter(v -> v != null).max(MigrationVersion::compareTo).map(String::valueOf).orElse("none");
    }
}
