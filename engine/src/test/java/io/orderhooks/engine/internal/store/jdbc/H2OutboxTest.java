package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.delivery.Outbox;
import io.orderhooks.engine.delivery.OutboxContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The outbox contract on an H2 file database. */
class H2OutboxTest extends OutboxContract {

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

    /** The post-queue lease rules on this outbox (one store per test, closed after it). */
    @org.junit.jupiter.api.Nested
    class PostQueueLeases extends io.orderhooks.engine.delivery.PostQueueLeasesContract {

        @Override
        protected Outbox outbox() {
            return H2OutboxTest.this.outbox();
        }
    }
}
