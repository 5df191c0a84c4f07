package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.internal.store.CartTotalListContract;
import io.orderhooks.engine.internal.store.Store;
import java.nio.file.Files;

/** Lists by {@code Total} of changed carts and orders on H2. */
class H2CartTotalListTest extends CartTotalListContract {

    @Override
    protected Store open() throws Exception {
        return JdbcStores.h2(Files.createTempDirectory("cart-total-h2"));
    }
}
