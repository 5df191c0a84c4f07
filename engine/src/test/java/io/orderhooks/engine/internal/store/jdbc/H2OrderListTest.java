package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.internal.store.OrderListContract;
import io.orderhooks.engine.internal.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Order lists pushed down to SQL on H2. */
class H2OrderListTest extends OrderListContract {

    /** The store's folder, deleted after the class (once the contract closed the store). */
    @TempDir
    static Path dir;

    @Override
    protected Store open() throws Exception {
        return JdbcStores.h2(dir);
    }
}
