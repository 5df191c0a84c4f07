package io.orderhooks.engine.delivery.internal;

import io.orderhooks.core.http.HttpHeaders;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.receiver.TimeBudget;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.delivery.OutboundRequest;
import io.orderhooks.engine.delivery.Transport;
import java.time.Duration;
import java.util.Objects;

/**
 * Calls a dispatcher on this JVM; no sockets. With a {@link TimeBudget} the call runs on the budget's threads
 * and is cut off at the time limit; without one it runs on the caller's thread, for handlers that bound their
 * own time. The request body is handed over as is (a {@code RawRequest} body must not be changed).
 */
public final class RawHandlerTransport implements Transport {

    private final RawHandler handler;
    private final TimeBudget budget;
    private final int maxResponseBytes;

    /** @param budget the threads that enforce the time limit, or null to call on the caller's thread */
    public RawHandlerTransport(RawHandler handler, TimeBudget budget, int maxResponseBytes) {
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive, was " + maxResponseBytes);
        }
        this.handler = Objects.requireNonNull(handler, "handler");
        this.budget = budget;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public DeliveryOutcome exchange(OutboundRequest request, Duration timeLimit) {
        long start = System.nanoTime();
        RawRequest raw = RawRequest.post(request.path(), HttpHeaders.of(request.headers()), request.body());
        if (budget == null) {
            try {
                return answered(handler.handle(raw), start);
            } catch (RuntimeException e) {
                return failed(e, start);
            }
        }
        TimeBudget.Outcome<RawResponse> run = budget.run(() -> handler.handle(raw), timeLimit);
        if (run instanceof TimeBudget.Outcome.Completed<RawResponse> done) {
            return answered(done.value(), start);
        }
        if (run instanceof TimeBudget.Outcome.TimedOut<RawResponse>) {
            return new DeliveryOutcome.TimedOut(timeLimit, OkHttpTransport.since(start));
        }
        return failed(((TimeBudget.Outcome.Failed<RawResponse>) run).cause(), start);
    }

    private DeliveryOutcome answered(RawResponse response, long start) {
        if (response == null) {
            return new DeliveryOutcome.Unreachable("in-process handler returned no response", OkHttpTransport.since(start));
        }
        if (response.body().length > maxResponseBytes) {
            return Answers.oversize(response.status(), maxResponseBytes, OkHttpTransport.since(start));
        }
        return Answers.of(response.status(), response.body(), OkHttpTransport.since(start));
    }

    private static DeliveryOutcome failed(Throwable cause, long start) {
        return new DeliveryOutcome.Unreachable("in-process handler failed: " + cause, OkHttpTransport.since(start));
    }
}
