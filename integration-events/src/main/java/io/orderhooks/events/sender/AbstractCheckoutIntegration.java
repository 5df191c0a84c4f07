package io.orderhooks.events.sender;

import io.orderhooks.core.spi.CheckoutCall;
import io.orderhooks.core.spi.CheckoutIntegration;
import io.orderhooks.core.spi.DeliveryOutcome;
import io.orderhooks.core.spi.IntegrationEndpoint;
import io.orderhooks.core.spi.Redelivery;
import io.orderhooks.delivery.Transport;
import io.orderhooks.events.sender.internal.CheckoutDelivery;

/**
 * What {@link HttpCheckoutIntegration} and {@link InProcessCheckoutIntegration} share: everything but the
 * {@link Transport}. Thread-safe; {@link #deliver} never throws for a delivery failure.
 */
abstract sealed class AbstractCheckoutIntegration implements CheckoutIntegration, Redelivery
        permits HttpCheckoutIntegration, InProcessCheckoutIntegration {

    private final CheckoutDelivery delivery;

    AbstractCheckoutIntegration(CheckoutSenderSettings settings, Transport transport) {
        this.delivery = new CheckoutDelivery(settings.deliverer(transport), settings.timeLimit, settings.maxAttempts,
                settings.retryWait);
    }

    @Override
    public DeliveryOutcome deliver(CheckoutCall call) {
        return delivery.deliver(call);
    }

    /** Redelivers a failed {@code ordersubmit} to the endpoint it was last delivered to by this sender. */
    @Override
    public Result redeliver(String recordID) {
        return delivery.redeliver(recordID);
    }

    /** Redelivers a failed {@code ordersubmit} using {@code endpoint}'s current URL and keys. */
    public Result redeliver(String recordID, IntegrationEndpoint endpoint) {
        return delivery.redeliver(recordID, endpoint);
    }
}
