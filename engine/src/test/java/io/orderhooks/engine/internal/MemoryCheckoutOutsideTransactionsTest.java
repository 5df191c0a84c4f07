package io.orderhooks.engine.internal;

import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.internal.InMemoryStore;

/** {@link CheckoutOutsideTransactionsContract} on the in-memory store. */
class MemoryCheckoutOutsideTransactionsTest extends CheckoutOutsideTransactionsContract {

    @Override
    protected Store open(int poolSize) {
        return new InMemoryStore();
    }
}
