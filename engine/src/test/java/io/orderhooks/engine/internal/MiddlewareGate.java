package io.orderhooks.engine.internal;

import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.engine.spi.CheckoutCall;
import io.orderhooks.engine.spi.DeliveryOutcome;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A checkout middleware that holds every call of one event type until {@link #open()} (a latch, never a sleep) and
 * answers every other call at once with {@code {}}. {@link #awaitWaiting()} returns when {@code calls} held calls are
 * waiting.
 */
final class MiddlewareGate implements Function<CheckoutCall, DeliveryOutcome> {

    private final CheckoutEventType held;
    private final CountDownLatch waiting;
    private final CountDownLatch open = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

    MiddlewareGate(CheckoutEventType held, int calls) {
        this.held = held;
        this.waiting = new CountDownLatch(calls);
    }

    @Override
    public DeliveryOutcome apply(CheckoutCall c) {
        if (c.type() == held) {
            calls.incrementAndGet();
            waiting.countDown();
            try {
                if (!open.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the gate was never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return EngineFixture.ok("{}");
    }

    void awaitWaiting() throws InterruptedException {
        if (!waiting.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the held calls never reached the middleware");
        }
    }

    /** How many calls of the held event type have reached the middleware so far. */
    int calls() {
        return calls.get();
    }

    void open() {
        open.countDown();
    }
}
