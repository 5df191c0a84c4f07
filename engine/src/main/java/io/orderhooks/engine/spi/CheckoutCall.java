package io.orderhooks.engine.spi;

import io.orderhooks.core.model.CheckoutEventType;
import java.util.Objects;

/**
 * One checkout event to deliver.
 *
 * @param type which event (decides the URL suffix and whether retrying is safe)
 * @param endpoint where to deliver it
 * @param orderID the order concerned, for logs and the delivery record
 * @param payload the exact bytes of {@code {ConfigData, Environment, OrderCloudAccessToken, OrderWorksheet}};
 *     senders sign and send these bytes unchanged
 * @param idempotencyKey stable across redeliveries of the same submit or approval, so a receiver can
 *     de-duplicate; null for events that are safe to repeat
 */
public record CheckoutCall(
        CheckoutEventType type, IntegrationEndpoint endpoint, String orderID, byte[] payload, String idempotencyKey) {

    public CheckoutCall {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(payload, "payload");
    }
}
