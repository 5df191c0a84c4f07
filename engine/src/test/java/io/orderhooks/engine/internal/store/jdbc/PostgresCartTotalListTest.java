package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.internal.store.CartTotalListContract;
import io.orderhooks.engine.internal.store.Store;

/** Lists by {@code Total} of changed carts and orders on a real PostgreSQL server. */
class PostgresCartTotalListTest extends CartTotalListContract {

    @Override
    protected Store open() {
        return JdbcStores.postgresql(TestPostgres.freshDatabase(), "postgres", "postgres");
    }
}
