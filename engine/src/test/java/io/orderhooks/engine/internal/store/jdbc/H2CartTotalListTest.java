package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.internal.store.CartTotalListContract;
import io.orderhooks.engine.internal.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Lists by {@code Total} of changed carts and orders on H2. */
class H2CartTotalListTest extends CartTotalListContract {

    /** The store's folder, deleted after the class (once the contract closed the store). */
    @TempDir
    static Path dir;

    @Override
    protected Store open() throws Exception {
        return JdbcStores.h2(dir);
    }
}
