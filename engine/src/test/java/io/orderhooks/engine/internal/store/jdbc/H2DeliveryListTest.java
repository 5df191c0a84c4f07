package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.internal.store.DeliveryListContract;
import io.orderhooks.engine.internal.store.Store;
import java.nio.file.Files;

/** The delivery log's own table on H2. */
class H2DeliveryListTest extends DeliveryListContract {

    @Override
    protected Store open() throws Exception {
        return JdbcStores.h2(Files.createTempDirectory("deliveries-h2"));
    }
}
