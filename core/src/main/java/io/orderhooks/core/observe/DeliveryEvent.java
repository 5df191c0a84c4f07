package io.orderhooks.core.observe;

import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * What the engine's senders did when calling middleware. {@code kind} is {@code checkout}, {@code pre_webhook} or
 * {@code post_webhook}; {@code endpointID} the integration event's or webhook's ID (it names the circuit breaker).
 */
public sealed interface DeliveryEvent extends ObservedEvent {

    /** How one attempt ended, split by layer. */
    enum Outcome {
        DELIVERED, REJECTED, TIMED_OUT, UNREACHABLE, BREAKER_OPEN,
        /** Never attempted: the queue was full or the sender shut down (recorded as a dead letter). */
        NOT_ATTEMPTED;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A circuit breaker's state; {@link #level()} is what a gauge shows. */
    enum BreakerState {
        CLOSED(0), OPEN(1), HALF_OPEN(2), DISABLED(3), FORCED_OPEN(4), METRICS_ONLY(5);

        private final int level;

        BreakerState(int level) {
            this.level = level;
        }

        /** 0 closed, 1 open, 2 half-open, 3 disabled, 4 forced open, 5 metrics only. */
        public int level() {
            return level;
        }
    }

    /**
     * One attempt to deliver ({@code subject}: checkout suffix or {@code VERB route}) and how it ended after
     * {@code nanos} (0 when not attempted); {@code succeeded} when the receiver accepted it with a usable answer.
     */
    record Attempted(String kind, String subject, String endpointID, Outcome outcome, boolean succeeded, long nanos)
            implements DeliveryEvent {}

    /** A failed delivery will not be retried automatically (last attempt spent, queue full, shutdown). */
    record DeadLettered(String kind, String endpointID) implements DeliveryEvent {}

    /** The breaker of {@code endpointID} is now in {@code state} (also published when a breaker is created). */
    record BreakerChanged(String endpointID, BreakerState state) implements DeliveryEvent {}

    /** A retry queue exists; {@code depth} reads how many deliveries it holds, pending or in flight. */
    record QueueAttached(String queue, IntSupplier depth) implements DeliveryEvent {}
}
