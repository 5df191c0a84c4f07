package io.orderhooks.webhooks;

import java.time.Instant;

/**
 * What happened to a queued post-webhook delivery, for {@link AsyncPostOptions.Builder#listener}: metrics,
 * alerts, or tests awaiting a step. Listeners run on the thread that made the step and must not block.
 */
public sealed interface PostQueueEvent {

    /** OrderCloud's {@code LogID}, or null. */
    String logId();

    /** The handler finished on attempt {@code attempt}. */
    record Delivered(String logId, String route, int attempt) implements PostQueueEvent {}

    /** Attempt {@code attempt} failed with {@code error}; the next runs at {@code dueAt} or later. */
    record RetryScheduled(String logId, int attempt, Instant dueAt, String error) implements PostQueueEvent {}

    /** Retries are exhausted; the delivery is kept as {@code letter}. */
    record DeadLettered(String logId, DeadLetter letter) implements PostQueueEvent {}

    /** The queue was full (or closing), so the delivery was refused with 503 and OrderCloud may retry. */
    record Rejected(String logId, String reason) implements PostQueueEvent {}
}
