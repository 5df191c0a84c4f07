package io.orderhooks.engine.internal.store.internal;

import io.orderhooks.engine.internal.store.DeliveryListContract;
import io.orderhooks.engine.internal.store.Store;

/** The stored delivery log on the in-memory store (its deliveries table). */
class InMemoryDeliveryListTest extends DeliveryListContract {

    @Override
    protected Store open() {
        return new InMemoryStore();
    }
}
