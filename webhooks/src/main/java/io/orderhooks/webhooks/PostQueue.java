package io.orderhooks.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The bounded queue behind asynchronous post-webhooks: a delivery is acknowledged at once, then its handler
 * runs on a worker, failed runs are retried with exponential backoff measured on the dispatcher's clock, and
 * a delivery whose retries are exhausted becomes a {@link DeadLetter}. Every accepted delivery holds one of
 * the queue's places until it succeeds or is dead-lettered; when none is free the receiver answers 503
 * {@code Webhook.QueueFull} instead of dropping the delivery. Thread-safe.
 */
public interface PostQueue {

    /** Dead letters, oldest first. */
    List<DeadLetter> deadLetters();

    /** How many dead letters there are, without loading them. */
    default int deadLetterCount() {
        return deadLetters().size();
    }

    /**
     * Queues a dead letter again with a fresh set of attempts; it leaves the dead-letter list.
     *
     * @throws NoSuchElementException if there is no dead letter {@code id}
     * @throws IllegalStateException if the queue is full or closed (the dead letter stays)
     */
    void redrive(String id);

    /**
     * With no worker threads ({@link AsyncPostOptions.Builder#workers(int) workers(0)}): runs every delivery
     * that is due (on the clock) on the calling thread and returns how many it ran. With workers: wakes them
     * to look for due deliveries at once and returns 0.
     */
    int runDue();

    /** Deliveries accepted and not yet delivered or dead-lettered (ready, running, or waiting to retry). */
    int pending();

    /**
     * Stops accepting, lets the workers finish what is ready for at most {@code timeout}, then stops them.
     * Returns the payloads of deliveries that were not handled (still queued or waiting to retry), so the
     * caller can persist or log them; they are also logged. A shared {@link PostQueueStorage} keeps them for
     * the other instances instead (its workers only finish the runs they started), so none are returned.
     * Idempotent.
     */
    List<DeadLetter> shutdown(Duration timeout);
}
