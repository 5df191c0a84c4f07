package io.orderhooks.engine.internal;

import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.jdbc.JdbcStores;
import io.orderhooks.engine.internal.store.jdbc.TestPostgres;

/** {@link CheckoutOutsideTransactionsContract} on a real (embedded) PostgreSQL with a pool of two connections. */
class PostgresCheckoutOutsideTransactionsTest extends CheckoutOutsideTransactionsContract {

    @Override
    protected Store open(int poolSize) {
        return JdbcStores.postgresql(TestPostgres.freshDatabase(), "postgres", "postgres", poolSize);
    }
}
