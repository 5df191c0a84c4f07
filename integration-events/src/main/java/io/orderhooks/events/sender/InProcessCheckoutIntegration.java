package io.orderhooks.events.sender;

import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.receiver.TimeBudget;
import io.orderhooks.core.spi.CheckoutCall;
import io.orderhooks.core.spi.CheckoutIntegration;
import io.orderhooks.core.spi.DeliveryOutcome;
import io.orderhooks.core.spi.IntegrationEndpoint;
import io.orderhooks.core.spi.Redelivery;
import io.orderhooks.delivery.Transports;
import io.orderhooks.events.sender.internal.CheckoutDelivery;

/**
 * Delivers checkout events to an integration-events dispatcher in this JVM, with no sockets: the
 * dispatcher receives a {@code RawRequest} for {@code POST /{suffix}} with the exact payload bytes and the
 * same headers the HTTP sender would send (signature, custom auth, idempotency key). Everything else is as
 * in {@link HttpCheckoutIntegration}: time limit (a handler that overruns is interrupted), breaker per
 * endpoint, retries for shipping rates and calculate when the handler fails, recording, redelivery.
 *
 * <p>Thread-safe. Close it to stop the threads that run the handler under its time limit.
 */
public final class InProcessCheckoutIntegration implements CheckoutIntegration, Redelivery, AutoCloseable {

    private final CheckoutDelivery delivery;
    private final TimeBudget budget = new TimeBudget("orderhooks-checkout-inprocess");

    public InProcessCheckoutIntegration(CheckoutSenderSettings settings, RawHandler dispatcher) {
        this.delivery = new CheckoutDelivery(
                settings.deliverer(Transports.inProcess(dispatcher, budget, settings.maxResponseBytes)),
                settings.timeLimit, settings.maxAttempts, settings.retryWait);
    }

    @Override
    public DeliveryOutcome deliver(CheckoutCall call) {
        return delivery.deliver(call);
    }

    @Override
    public Result redeliver(String recordID) {
        return delivery.redeliver(recordID);
    }

    public Result redeliver(String recordID, IntegrationEndpoint endpoint) {
        return delivery.redeliver(recordID, endpoint);
    }

    @Override
    public void close() {
        budget.close();
    }
}
