package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.internal.store.OrderListContract;
import io.orderhooks.engine.internal.store.Store;

/** Order lists pushed down to SQL on a real PostgreSQL server. */
class PostgresOrderListTest extends OrderListContract {

    @Override
    protected Store open() {
        return JdbcStores.postgresql(TestPostgres.freshDatabase(), "postgres", "postgres");
    }
}
