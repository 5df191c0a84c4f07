package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.internal.store.Store;

/** The store contract on a real PostgreSQL server. */
class PostgresStoreContractTest extends DurableStoreContract {

    private String url;

    @Override
    protected Store open() {
        url = TestPostgres.freshDatabase();
        return reopen();
    }

    @Override
    protected Store reopen() {
        return JdbcStores.postgresql(url, "postgres", "postgres");
    }
}
