package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.engine.internal.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on H2 in file mode, plus what opening a data folder refuses. */
class H2StoreContractTest extends DurableStoreContract {

    @TempDir
    Path dir;

    @Override
    protected Store open() {
        return JdbcStores.h2(dir.resolve("data"));
    }

    @Override
    protected Store reopen() {
        return open();
    }

    @Test
    void aDataFolderWrittenByANewerSchemaIsRefused() throws Exception {
        ((AutoCloseable) store).close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data").resolve("orderhooks"), "sa", "");
             Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", "
                    + "\"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                    + "VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'sa', 0, TRUE)");
        }
        assertThatThrownBy(this::open).isInstanceOf(StoreStartFailure.class)
                .hasMessageMatching(java.util.regex.Pattern.quote("the data folder " + dir.resolve("data")
                        + " was written by a newer orderhooks (schema version 99; this one knows up to ")
                        + "[0-9]+" + java.util.regex.Pattern.quote("); refusing to start rather than downgrade it"));
        store = null;
    }

    @Test
    void aFailedMigrationStopsTheStartWithOneLineNamingTheFolderAndVersion() throws Exception {
        ((AutoCloseable) store).close();
        store = null;
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data").resolve("orderhooks"), "sa", "");
             Statement st = c.createStatement()) {
            // as if versions 11-12 had never run, but their column is there: version 11 cannot add it again
            st.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('11', '12')");
        }
        assertThatThrownBy(this::open).isInstanceOf(StoreStartFailure.class)
                // the newest version this engine ships (each new migration raises it)
                .hasMessageMatching(java.util.regex.Pattern.quote("migrating the data folder " + dir.resolve("data")
                        + " to schema version ") + "(1[3-9]|2[0-9]) failed: .+")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aDataFolderThatCannotBeCreatedStopsTheStartWithOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> JdbcStores.h2(file.resolve("data"))).isInstanceOf(StoreStartFailure.class)
                .hasMessageStartingWith("cannot create the data folder " + file.resolve("data") + ": ")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void anExhaustedPoolAnswers503ServiceUnavailableAndChangesNothing() throws Exception {
        int held = 10;
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(held);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.List<Thread> holders = new java.util.ArrayList<>();
        for (int i = 0; i < held; i++) {
            String id = "H" + i;
            store.createOrder(order(id, "b1", "u1", "seller"));
            Thread t = new Thread(() -> store.withOrder(id, s -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return io.orderhooks.engine.internal.store.Mutation.unchanged(null);
            }));
            t.start();
            holders.add(t);
        }
        holding.await();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.table(things()).insert("k", "v"))
                    .isInstanceOf(io.orderhooks.core.error.OrderCloudException.class)
                    .hasMessage("The service is temporarily unavailable: no database connection is free. Retry later.")
                    .extracting(e -> ((io.orderhooks.core.error.OrderCloudException) e).errorCode())
                    .isEqualTo("ServiceUnavailable");
        } finally {
            release.countDown();
            for (Thread t : holders) {
                t.join();
            }
        }
        org.assertj.core.api.Assertions.assertThat(store.table(things()).find("k")).isEmpty();
    }
}
