package io.orderhooks.engine.senders.checkout;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.receiver.TimeBudget;
import io.orderhooks.engine.delivery.Transport;
import io.orderhooks.engine.senders.checkout.internal.DispatcherTransport;

/**
 * Delivers checkout events to an integration-events dispatcher in this JVM, with no sockets: the
 * dispatcher receives a {@code RawRequest} for {@code POST /{suffix}} with the exact payload bytes and the
 * same headers the HTTP sender would send (signature, custom auth, idempotency key). Everything else is as
 * in {@link HttpCheckoutIntegration}: time limit, breaker per endpoint, retries for shipping rates and
 * calculate when the handler fails, recording, redelivery.
 *
 * <p>Where the call runs: an integration-events dispatcher already runs its handler under its own time limit on
 * its own threads and answers 504 when it overruns. When it says it answers the event within this sender's time
 * limit ({@link RawHandler#answersWithin}), it is called on the caller's thread: a second thread hop would only
 * add latency, since the dispatcher answers before this sender's limit could expire (verification, parsing and
 * validation, bounded by the dispatcher's body limit, come on top). Otherwise the call runs on this sender's
 * threads and is interrupted at the sender's limit (a {@code TimedOut} outcome).
 *
 * <p>Thread-safe. Close it to stop the threads that run a handler under the sender's time limit.
 */
public final class InProcessCheckoutIntegration extends AbstractCheckoutIntegration implements AutoCloseable {

    private final TimeBudget budget;

    public InProcessCheckoutIntegration(CheckoutSenderSettings settings, RawHandler dispatcher) {
        this(settings, dispatcher, new TimeBudget("orderhooks-checkout-inprocess"));
    }

    private InProcessCheckoutIntegration(CheckoutSenderSettings settings, RawHandler dispatcher, TimeBudget budget) {
        super(settings, transport(settings, dispatcher, budget));
        this.budget = budget;
    }

    private static Transport transport(CheckoutSenderSettings settings, RawHandler dispatcher, TimeBudget budget) {
        return new DispatcherTransport(dispatcher, settings.inProcessOnCallerThread(dispatcher),
                settings.inProcess(dispatcher, budget));
    }

    /** Refused with 400 {@code Delivery.NotReplayable}: this sender calls a dispatcher in this JVM, never a URL. */
    @Override
    public Result replayTo(String recordID, String url) {
        throw new OrderCloudException(400, "Delivery.NotReplayable", "Delivery " + recordID + " cannot be sent to "
                + url + ": this engine delivers checkout events to a dispatcher in process, not over HTTP");
    }

    @Override
    public void close() {
        budget.close();
    }
}
