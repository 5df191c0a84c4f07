package io.orderhooks.engine.internal.store.internal;

import io.orderhooks.engine.internal.store.CartTotalListContract;
import io.orderhooks.engine.internal.store.Store;

/** Lists by {@code Total} of changed carts and orders on the in-memory store. */
class InMemoryCartTotalListTest extends CartTotalListContract {

    @Override
    protected Store open() {
        return new InMemoryStore();
    }
}
