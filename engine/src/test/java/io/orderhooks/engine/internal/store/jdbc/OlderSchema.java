package io.orderhooks.engine.internal.store.jdbc;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;

/** Migration tests' start: an H2 data folder as an older engine left it, migrated only up to one schema version. */
final class OlderSchema {

    private OlderSchema() {}

    /**
     * Creates (or migrates) the H2 database of data folder {@code dir} up to schema {@code version}, with the engine's
     * Java migrations, and returns its JDBC URL (user {@code sa}, empty password) for the test's own rows.
     */
    static String h2(Path dir, String version) {
        String url = "jdbc:h2:file:" + dir.resolve("orderhooks");
        Flyway.configure().dataSource(url, "sa", "").locations(SchemaMigration.LOCATION)
                .javaMigrations(SchemaMigration.javaMigrations()).target(version).load().migrate();
        return url;
    }
}
