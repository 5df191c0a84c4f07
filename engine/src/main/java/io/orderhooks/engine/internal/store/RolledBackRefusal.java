package io.orderhooks.engine.internal.store;

import io.orderhooks.core.error.OrderCloudException;

/** Carries a refusal out of {@link Store#atomically} as a failure, so the store rolls back (see {@link Store#allOrNothing}). */
final class RolledBackRefusal extends RuntimeException {

    private final transient OrderCloudException refusal;

    RolledBackRefusal(OrderCloudException refusal) {
        super(null, null, false, false);
        this.refusal = refusal;
    }

    OrderCloudException refusal() {
        return refusal;
    }
}
