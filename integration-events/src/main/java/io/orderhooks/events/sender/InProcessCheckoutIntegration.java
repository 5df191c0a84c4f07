package io.orderhooks.events.sender;

import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.receiver.TimeBudget;

/**
 * Delivers checkout events to an integration-events dispatcher in this JVM, with no sockets: the
 * dispatcher receives a {@code RawRequest} for {@code POST /{suffix}} with the exact payload bytes and the
 * same headers the HTTP sender would send (signature, custom auth, idempotency key). Everything else is as
 * in {@link HttpCheckoutIntegration}: time limit (a handler that overruns is interrupted), breaker per
 * endpoint, retries for shipping rates and calculate when the handler fails, recording, redelivery.
 *
 * <p>Thread-safe. Close it to stop the threads that run the handler under its time limit.
 */
public final class InProcessCheckoutIntegration extends AbstractCheckoutIntegration implements AutoCloseable {

    private final TimeBudget budget;

    public InProcessCheckoutIntegration(CheckoutSenderSettings settings, RawHandler dispatcher) {
        this(settings, dispatcher, new TimeBudget("orderhooks-checkout-inprocess"));
    }

    private InProcessCheckoutIntegration(CheckoutSenderSettings settings, RawHandler dispatcher, TimeBudget budget) {
        super(settings, settings.inProcess(dispatcher, budget));
        this.budget = budget;
    }

    @Override
    public void close() {
        budget.close();
    }
}
