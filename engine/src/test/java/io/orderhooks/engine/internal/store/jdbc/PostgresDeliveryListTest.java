package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.internal.store.DeliveryListContract;
import io.orderhooks.engine.internal.store.Store;

/** The delivery log's own table on a real PostgreSQL server. */
class PostgresDeliveryListTest extends DeliveryListContract {

    @Override
    protected Store open() {
        return JdbcStores.postgresql(TestPostgres.freshDatabase(), "postgres", "postgres");
    }
}
