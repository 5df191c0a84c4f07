package io.orderhooks.engine.senders.checkout;

import io.orderhooks.engine.spi.CheckoutCall;
import io.orderhooks.engine.spi.CheckoutIntegration;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.spi.IntegrationEndpoint;
import io.orderhooks.engine.spi.Redelivery;
import io.orderhooks.engine.delivery.Transport;
import io.orderhooks.engine.senders.checkout.internal.CheckoutDelivery;

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

    /** Sends a copy of any checkout record to {@code url} (see {@link Redelivery#replayTo}). */
    @Override
    public Result replayTo(String recordID, String url) {
        return delivery.replayTo(recordID, url);
    }

    /** Redelivers a failed {@code ordersubmit} using {@code endpoint}'s current URL and keys. */
    public Result redeliver(String recordID, IntegrationEndpoint endpoint) {
        return delivery.redeliver(recordID, endpoint);
    }
}
