package io.orderhooks.engine.delivery;

import io.orderhooks.engine.delivery.internal.InMemoryOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where accepted post-webhook deliveries wait until they are delivered or become dead letters. A worker
 * {@link #claim claims} due entries under a lease, makes the attempt, then either {@link #complete completes} the
 * entry (delivered, or its last attempt failed and it was recorded as a dead letter) or {@link #reschedule
 * reschedules} it for the next attempt. A claim whose lease ran out (its worker crashed or hung) can be claimed again,
 * so delivery is <em>at least once</em>; while a lease holds, no other worker (thread, or engine on the same database)
 * gets the entry.
 *
 * <p>A {@linkplain #durable() durable} outbox (the engine's JDBC store) writes {@link #add} in the calling thread's
 * store transaction when there is one, so the entries a write fires commit or roll back with the write, and survive a
 * crash. Implementations are thread-safe.
 */
public interface Outbox {

    /**
     * Records {@code entry}; false when refused because the outbox is full (a bounded in-memory outbox), in which case
     * nothing was recorded.
     */
    boolean add(OutboxEntry entry);

    /**
     * Claims up to {@code max} entries due at {@code now} that nobody holds (never claimed, lease ended, or
     * rescheduled), oldest due first, leasing them to {@code owner} until {@code now + lease}.
     */
    List<OutboxEntry> claim(String owner, Instant now, Duration lease, int max);

    /**
     * Releases {@code next.id()} held by {@code owner}, now waiting for attempt {@code next.number()} due at
     * {@code next.due()}. False (and nothing changed) when {@code owner} no longer holds it.
     */
    boolean reschedule(OutboxEntry next, String owner);

    /** Removes entry {@code id} held by {@code owner}; false when {@code owner} no longer holds it. */
    boolean complete(String id, String owner);

    /** Entries waiting or claimed. */
    int size();

    /** When the earliest unclaimed entry is due, or null when there is none. */
    Instant nextDue();

    /** Whether entries survive the process (then they are not dead-lettered at shutdown). */
    boolean durable();

    /** Removes and returns every unclaimed entry (a non-durable outbox's shutdown turns them into dead letters). */
    List<OutboxEntry> takeUnclaimed();

    /** A non-durable outbox in this JVM holding at most {@code capacity} entries (waiting plus claimed). */
    static Outbox inMemory(int capacity) {
        return new InMemoryOutbox(capacity);
    }
}
