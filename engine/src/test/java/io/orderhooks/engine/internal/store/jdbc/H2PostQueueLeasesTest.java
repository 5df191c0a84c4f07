package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.delivery.Outbox;
import io.orderhooks.engine.delivery.PostQueueLeasesContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The post-queue lease rules on an H2 file database's outbox. */
class H2PostQueueLeasesTest extends PostQueueLeasesContract {

    @TempDir
    Path data;
    private JdbcStore store;

    @Override
    protected Outbox outbox() {
        store = JdbcStores.h2(data);
        return store.outbox().orElseThrow();
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }
}
