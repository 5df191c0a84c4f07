package io.orderhooks.engine.internal.store.internal;

import io.orderhooks.engine.internal.store.OrderListContract;
import io.orderhooks.engine.internal.store.Store;

/** Order lists on the in-memory store. */
class InMemoryOrderListTest extends OrderListContract {

    @Override
    protected Store open() {
        return new InMemoryStore();
    }
}
