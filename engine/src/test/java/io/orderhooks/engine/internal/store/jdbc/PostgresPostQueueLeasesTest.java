package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.delivery.Outbox;
import io.orderhooks.engine.delivery.PostQueueLeasesContract;
import org.junit.jupiter.api.AfterEach;

/** The post-queue lease rules on a real PostgreSQL server's outbox. */
class PostgresPostQueueLeasesTest extends PostQueueLeasesContract {

    private JdbcStore store;

    @Override
    protected Outbox outbox() {
        store = JdbcStores.postgresql(TestPostgres.freshDatabase(), "postgres", "postgres");
        return store.outbox().orElseThrow();
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }
}
