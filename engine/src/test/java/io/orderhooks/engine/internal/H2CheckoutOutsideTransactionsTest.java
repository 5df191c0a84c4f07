package io.orderhooks.engine.internal;

import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.jdbc.JdbcStores;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** {@link CheckoutOutsideTransactionsContract} on H2 in file mode with a pool of two connections. */
class H2CheckoutOutsideTransactionsTest extends CheckoutOutsideTransactionsContract {

    @TempDir
    static Path folders;
    private static final AtomicInteger FOLDER = new AtomicInteger();

    @Override
    protected Store open(int poolSize) {
        return JdbcStores.h2(folders.resolve("data-" + FOLDER.incrementAndGet()), poolSize);
    }
}
