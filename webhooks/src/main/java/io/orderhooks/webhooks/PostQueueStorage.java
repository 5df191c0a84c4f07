package io.orderhooks.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Where an asynchronous {@link PostQueue} keeps accepted deliveries, their retries and dead letters. The
 * queue owns the policy (capacity, backoff, attempts, events); a storage only keeps and hands out deliveries.
 * The default keeps them in this JVM's memory; a shared one (e.g. PostgreSQL, in
 * {@code orderhooks-middleware-postgres}) lets several instances work one queue and keeps every accepted
 * delivery when an instance dies. Choose one with {@link WebhooksDispatcherBuilder#postQueueStorage}.
 *
 * <p>Implementations are thread-safe; times come from the queue's clock.
 */
public interface PostQueueStorage {

    /**
     * Keeps {@code post}, due at {@code dueAt}, unless {@code capacity} deliveries are already pending (ready,
     * claimed or waiting to retry; dead letters do not count).
     *
     * @return false when full (nothing kept)
     */
    boolean add(QueuedPost post, Instant dueAt, int capacity);

    /**
     * Claims the longest-due delivery whose due time is at or before {@code now} and that no one else holds.
     * The claim holds it (from every other caller, in every instance sharing the storage) until settled; if
     * the claiming process dies first, the delivery becomes claimable again.
     */
    Optional<Claim> claimDue(Instant now);

    /** Deliveries accepted and not yet delivered or dead-lettered. */
    int pending();

    /** Dead letters, oldest first. */
    List<DeadLetter> deadLetters();

    /** How many dead letters there are (override where counting is cheaper than listing). */
    default int deadLetterCount() {
        return deadLetters().size();
    }

    /**
     * Makes dead letter {@code id} a pending delivery again, with no attempts, due at {@code dueAt}.
     *
     * @return false when {@code capacity} deliveries are pending (the dead letter stays)
     * @throws NoSuchElementException if there is no dead letter {@code id}
     */
    boolean redrive(String id, Instant dueAt, int capacity);

    /**
     * Called once when the queue shuts down, after its workers stopped: the pending deliveries that stopping
     * loses (this JVM's memory: all of them). A shared storage keeps them for other instances and returns none.
     */
    List<QueuedPost> release();

    /** Whether other instances work the same deliveries (then a shutdown does not drain the queue). */
    default boolean shared() {
        return false;
    }

    /** A claimed delivery; settle it exactly once. */
    interface Claim {

        QueuedPost post();

        /** The handler succeeded: the delivery leaves the storage. */
        void delivered();

        /** The handler failed on run {@code attempts}: pending again from {@code dueAt}. */
        void retry(int attempts, Instant dueAt, String error);

        /**
         * Retries are exhausted: keep {@code letter}, dropping the oldest dead letters beyond {@code limit}.
         *
         * @return the dead letters dropped, for the log
         */
        List<DeadLetter> deadLetter(DeadLetter letter, int limit);
    }
}
