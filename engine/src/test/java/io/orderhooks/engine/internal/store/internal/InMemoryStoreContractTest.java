package io.orderhooks.engine.internal.store.internal;

import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.StoreContract;

/** The store contract on the in-memory store. */
class InMemoryStoreContractTest extends StoreContract {

    @Override
    protected Store open() {
        return new InMemoryStore();
    }
}
