package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.delivery.Outbox;
import io.orderhooks.engine.delivery.OutboxContract;
import org.junit.jupiter.api.AfterEach;

/** The outbox contract on a real PostgreSQL server. */
class PostgresOutboxTest extends OutboxContract {

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

    /** The post-queue lease rules on this outbox (one store per test, closed after it). */
    @org.junit.jupiter.api.Nested
    class PostQueueLeases extends io.orderhooks.engine.delivery.PostQueueLeasesContract {

        @Override
        protected Outbox outbox() {
            return PostgresOutboxTest.this.outbox();
        }
    }
}
