package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.internal.store.DeliveryListContract;
import io.orderhooks.engine.internal.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The delivery log's own table on H2. */
class H2DeliveryListTest extends DeliveryListContract {

    /** The store's folder, deleted after the class (once the contract closed the store). */
    @TempDir
    static Path dir;

    @Override
    protected Store open() throws Exception {
        return JdbcStores.h2(dir);
    }
}
