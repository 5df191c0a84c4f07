package io.orderhooks.core.observe;

import java.util.Locale;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * What a receiver (the integration-events or the webhooks dispatcher) did. {@code receiver} names the dispatcher
 * kind ({@link #INTEGRATION_EVENTS} or {@link #WEBHOOKS}); {@code route} the event suffix ({@code ordercalculate})
 * or the hook ({@code PUT v1/buyers/{buyerID} (pre)}), {@code unknown} when the request matched none.
 */
public sealed interface ReceiverEvent extends ObservedEvent {

    String INTEGRATION_EVENTS = "integration-events";
    String WEBHOOKS = "webhooks";
    String UNKNOWN_ROUTE = "unknown";

    String receiver();

    /** How one request ended. */
    enum Outcome {
        /** The handler's answer was validated and sent (for a pre-hook: proceed or its own block). */
        ANSWERED,
        /** 401: {@code X-oc-hash} missing or wrong. */
        SIGNATURE_REFUSED,
        /** 400, 404, 405, 413, 415: refused before any handler ran. */
        BAD_REQUEST,
        /** The handler refused on purpose (it threw a {@code CheckoutException} / {@code OrderCloudException}). */
        REFUSED,
        /** The handler (or fallback) answered something the receiver would not send: 500 InvalidResponse. */
        INVALID_ANSWER,
        /** The handler overran its time limit and no fallback answered. */
        TIMED_OUT,
        /** The handler failed or overran and its fallback (or a pre-hook's proceed policy) answered instead. */
        FALLBACK_USED,
        /** A repeated delivery answered from the idempotency store without running the handler. */
        DUPLICATE,
        /** The handler threw unexpectedly: 500 with a correlation id (or a pre-hook blocked by policy). */
        FAILED,
        /** A post-webhook was acknowledged and queued for asynchronous handling. */
        QUEUED,
        /** A post-webhook was refused with 503 because the queue was full or closing. */
        QUEUE_FULL;

        /** The tag value: lower case with underscores, e.g. {@code signature_refused}. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One request answered with {@code status} after {@code nanos} (receipt to answer). */
    record Handled(String receiver, String route, Outcome outcome, int status, long nanos) implements ReceiverEvent {
        public Handled {
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** A handler (or fallback) started running: one more in flight. */
    record HandlerStarted(String receiver, String route) implements ReceiverEvent {}

    /** A handler (or fallback) stopped running after {@code nanos}, whatever its result: one fewer in flight. */
    record HandlerFinished(String receiver, String route, long nanos) implements ReceiverEvent {}

    /** A queue of asynchronous work exists; {@code depth} reads how many items it holds (thread-safe, cheap). */
    record QueueAttached(String receiver, IntSupplier depth) implements ReceiverEvent {}

    /** Retries of a queued delivery for {@code route} are exhausted; it became a dead letter. */
    record DeadLettered(String receiver, String route) implements ReceiverEvent {}
}
