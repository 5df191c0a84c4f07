package io.orderhooks.engine.internal.checkout;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.spi.IntegrationEndpoint;
import java.time.OffsetDateTime;

/**
 * One rule an order must pass to be submitted; throws the {@code OrderCloudException} that refuses the
 * submit. Checks run in order, under the order's lock, before anything changes. Thread-safe, no side effects.
 */
@FunctionalInterface
public interface SubmitCheck {

    void check(Context context);

    /**
     * What a check sees.
     *
     * @param endpoint the caller's checkout integration, or null when its API client has none
     */
    record Context(Caller caller, OrderState order, IntegrationEndpoint endpoint, OffsetDateTime now) {}
}
