package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.internal.store.OrderListContract;
import io.orderhooks.engine.internal.store.Store;
import java.nio.file.Files;

/** Order lists pushed down to SQL on H2. */
class H2OrderListTest extends OrderListContract {

    @Override
    protected Store open() throws Exception {
        return JdbcStores.h2(Files.createTempDirectory("orderlist-h2"));
    }
}
