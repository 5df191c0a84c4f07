package io.orderhooks.delivery.internal;

import io.orderhooks.core.http.HttpHeaders;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.receiver.TimeBudget;
import io.orderhooks.core.spi.DeliveryOutcome;
import io.orderhooks.delivery.OutboundRequest;
import io.orderhooks.delivery.Transport;
import java.time.Duration;
import java.util.Objects;

/** Calls a dispatcher on this JVM, bounded by a {@link TimeBudget}; no sockets. */
public final class RawHandlerTransport implements Transport {

    private final RawHandler handler;
    private final TimeBudget budget;
    private final int maxResponseBytes;

    public RawHandlerTransport(RawHandler handler, TimeBudget budget, int maxResponseBytes) {
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive, was " + maxResponseBytes);
        }
        this.handler = Objects.requireNonNull(handler, "handler");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public DeliveryOutcome exchange(OutboundRequest request, Duration timeLimit) {
        long start = System.nanoTime();
        RawRequest raw = RawRequest.post(request.path(), HttpHeaders.of(request.headers()), request.body().clone());
        TimeBudget.Outcome<RawResponse> run = budget.run(() -> handler.handle(raw), timeLimit);
        if (run instanceof TimeBudget.Outcome.Completed<RawResponse> done) {
            RawResponse response = done.value();
            if (response == null) {
                return new DeliveryOutcome.Unreachable("in-process handler returned no response",
                        OkHttpTransport.since(start));
            }
            if (response.body().length > maxResponseBytes) {
                return Answers.oversize(response.status(), maxResponseBytes, OkHttpTransport.since(start));
            }
            return Answers.of(response.status(), response.body(), OkHttpTransport.since(start));
        }
        if (run instanceof TimeBudget.Outcome.TimedOut<RawResponse>) {
            return new DeliveryOutcome.TimedOut(timeLimit, OkHttpTransport.since(start));
        }
        Throwable cause = ((TimeBudget.Outcome.Failed<RawResponse>) run).cause();
        return new DeliveryOutcome.Unreachable("in-process handler failed: " + cause, OkHttpTransport.since(start));
    }
}
