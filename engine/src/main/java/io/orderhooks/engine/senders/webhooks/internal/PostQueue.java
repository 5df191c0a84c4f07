package io.orderhooks.engine.senders.webhooks.internal;

import io.orderhooks.engine.delivery.Attempt;
import io.orderhooks.engine.delivery.Deliverer;
import io.orderhooks.engine.delivery.Outbox;
import io.orderhooks.engine.delivery.OutboxEntry;
import io.orderhooks.engine.delivery.RetrySchedule;
import io.orderhooks.engine.delivery.Sent;
import io.orderhooks.engine.spi.DeliveryRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Post-webhook deliveries kept in an {@link Outbox} until they are due on the injected clock. Worker threads (or
 * {@link #runDue()}) claim due entries under a lease, deliver, and then complete the entry (delivered, or its last
 * attempt failed: the deliverer recorded a dead letter) or reschedule it after the schedule's jittered wait.
 *
 * <p>Nothing accepted is lost. A full in-memory outbox turns a delivery into a dead letter at once. At {@link #close},
 * a non-durable outbox's waiting entries become dead letters (reason "shutdown"); a durable outbox keeps them for the
 * next start, and a claim that was in flight when the process died is claimed again when its lease ends.
 *
 * <p>Each claim holds a lease of its own (this queue's owner name and the claim's number), so a worker whose attempt
 * overran its lease can no longer reschedule or complete the entry another worker of this queue claimed since. An
 * entry this queue finished (delivered, or its last attempt recorded as a dead letter) whose removal from the outbox
 * failed is remembered: when this queue claims it again, it removes it without sending it again. Only another process
 * (a restart, another engine on the database) delivers such an entry a second time.
 */
public final class PostQueue {

    private static final Logger LOG = LoggerFactory.getLogger(PostQueue.class);
    /** How often an idle worker looks at a durable outbox (rows may come from other engines or commit late). */
    private static final long DURABLE_POLL_MS = 200;
    /** Lease beyond the attempt's time limit, for recording the attempt and updating the row. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(15);
    /** Finished entries whose removal failed that a queue remembers (a bound for a database failing for long). */
    private static final int MAX_REMEMBERED = 10_000;

    /** A claimed entry and the lease it is held under. */
    private record Claimed(OutboxEntry entry, String lease) {}

    private final Deliverer deliverer;
    private final Clock clock;
    private final RetrySchedule schedule;
    private final Duration timeLimit;
    private final int capacity;
    private final DoubleSupplier random;
    private final Outbox outbox;
    private final String owner = "engine-" + UUID.randomUUID();
    private final AtomicLong claims = new AtomicLong();
    /** IDs of entries this queue finished but could not remove from the outbox (oldest forgotten first). */
    private final Map<String, Boolean> finishedNotRemoved = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > MAX_REMEMBERED;
                }
            });
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int inFlight;
    private boolean closed;

    public PostQueue(Deliverer deliverer, RetrySchedule schedule, Duration timeLimit, int capacity,
            DoubleSupplier random, Outbox outbox) {
        this.deliverer = deliverer;
        this.clock = deliverer.clock();
        this.schedule = schedule;
        this.timeLimit = timeLimit;
        this.capacity = capacity;
        this.random = random;
        this.outbox = outbox;
    }

    /**
     * Records the first attempt, due now (in the calling thread's store transaction when the outbox is durable);
     * when full or closed, records it as a dead letter instead.
     */
    public void accept(Attempt first) {
        boolean isClosed;
        lock.lock();
        try {
            isClosed = closed;
        } finally {
            lock.unlock();
        }
        if (isClosed) {
            deliverer.deadLetter(first.withFinalAttempt(true), "shutdown: the webhook sink is closed");
            return;
        }
        if (!outbox.add(OutboxEntry.of(first, clock.instant()))) {
            deliverer.deadLetter(first.withFinalAttempt(true), "queue full (capacity " + capacity + ")");
            return;
        }
        signal();
    }

    /** Delivers every attempt due now on the calling thread; returns how many were made. */
    public int runDue() {
        int made = 0;
        for (Claimed e = claimOne(); e != null; e = claimOne()) {
            process(e);
            made++;
        }
        return made;
    }

    /** A worker's loop: delivers due attempts until the queue is closed. */
    public void work() {
        while (!isClosed()) {
            Claimed e;
            try {
                e = claimOne();
            } catch (RuntimeException failure) {
                LOG.warn("post-webhook outbox unavailable, retrying: {}", failure.toString());
                e = null;
            }
            if (e != null) {
                process(e);
            } else if (!idle()) {
                return;
            }
        }
    }

    /** Pending plus in-flight deliveries (for a shared database: of every engine on it). */
    public int size() {
        return outbox.size();
    }

    /** When the next pending attempt is due, or null. */
    public Instant nextDue() {
        return outbox.nextDue();
    }

    /** The outbox this queue delivers from. */
    public Outbox outbox() {
        return outbox;
    }

    /**
     * Stops accepting and waits up to {@code drain} for in-flight attempts to finish. A non-durable outbox's pending
     * attempts become dead letters ("shutdown"), returned; a durable outbox keeps them for the next start.
     */
    public List<DeliveryRecord> close(Duration drain) {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        List<DeliveryRecord> records = new ArrayList<>();
        if (!outbox.durable()) {
            for (OutboxEntry e : outbox.takeUnclaimed()) {
                records.add(deliverer.deadLetter(e.attempt(e.number()),
                        "shutdown: the webhook sink closed before attempt " + e.number()));
            }
        }
        awaitIdle(drain);
        return records;
    }

    /** For a redelivery: a single final attempt, not queued. */
    public Sent sendOnce(Attempt attempt) {
        return deliverer.send(attempt.withFinalAttempt(true), timeLimit);
    }

    private Claimed claimOne() {
        lock.lock();
        try {
            if (closed) {
                return null;
            }
            inFlight++;
        } finally {
            lock.unlock();
        }
        List<OutboxEntry> claimed = List.of();
        try {
            String lease = owner + "/" + claims.incrementAndGet();
            claimed = outbox.claim(lease, clock.instant(), timeLimit.plus(LEASE_MARGIN), 1);
            return claimed.isEmpty() ? null : new Claimed(claimed.get(0), lease);
        } finally {
            if (claimed.isEmpty()) {
                doneOne();
            }
        }
    }

    private void doneOne() {
        lock.lock();
        try {
            inFlight--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a signal, the next due time or the poll period; false when the queue closed. */
    private boolean idle() {
        Instant next;
        try {
            next = outbox.nextDue();
        } catch (RuntimeException failure) {
            next = null;
        }
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            long cap = outbox.durable() ? DURABLE_POLL_MS : 1000;
            long waitMillis = next == null ? cap : Math.min(cap, Duration.between(clock.instant(), next).toMillis());
            changed.await(Math.max(1, waitMillis), TimeUnit.MILLISECONDS);
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void process(Claimed claim) {
        OutboxEntry entry = claim.entry();
        if (finishedNotRemoved.containsKey(entry.id())) {
            removeFinished(claim);
            return;
        }
        Attempt attempt = entry.attempt(schedule.maxAttempts());
        Sent sent = null;
        try {
            sent = deliverer.send(attempt, timeLimit);
        } catch (RuntimeException e) {
            LOG.warn("post-webhook attempt {} of {} failed to run: {}", attempt.number(), entry.id(), e.toString());
        } finally {
            finish(claim, attempt, sent);
        }
    }

    /**
     * An entry this queue already finished, claimed again because its removal had failed: removed, not sent again.
     */
    private void removeFinished(Claimed claim) {
        String id = claim.entry().id();
        try {
            if (outbox.complete(id, claim.lease())) {
                finishedNotRemoved.remove(id);
                LOG.info("post-webhook {} was finished by this engine before; removed from the outbox without sending "
                        + "it again", id);
            }
        } catch (RuntimeException e) {
            LOG.warn("post-webhook {} (finished) could still not be removed from the outbox; tried again when its lease "
                    + "ends: {}", id, e.toString());
        } finally {
            doneOne();
        }
    }

    private void finish(Claimed claim, Attempt attempt, Sent sent) {
        OutboxEntry entry = claim.entry();
        String lease = claim.lease();
        boolean again = (sent == null || !sent.succeeded()) && !attempt.finalAttempt();
        boolean removed = false;
        try {
            if (!again) {
                removed = outbox.complete(entry.id(), lease);
                release(removed, entry);
            } else if (isClosed() && !outbox.durable()) {
                outbox.complete(entry.id(), lease);
                deliverer.deadLetter(entry.retry(attempt.number() + 1, clock.instant()).attempt(attempt.number() + 1),
                        "shutdown: the webhook sink closed before attempt " + (attempt.number() + 1));
            } else {
                Instant due = clock.instant().plus(schedule.delayAfter(attempt.number(), random));
                release(outbox.reschedule(entry.retry(attempt.number() + 1, due), lease), entry);
            }
        } catch (RuntimeException e) {
            LOG.warn("post-webhook {} could not be updated in the outbox; it is claimed again when its lease ends: {}",
                    entry.id(), e.toString());
        } finally {
            if (!again && !removed) {
                finishedNotRemoved.put(entry.id(), Boolean.TRUE);
            }
            doneOne();
        }
    }

    private static void release(boolean held, OutboxEntry entry) {
        if (!held) {
            LOG.warn("post-webhook {} attempt {}: the lease ended before the attempt finished; another worker may "
                    + "deliver it again", entry.id(), entry.number());
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    private void awaitIdle(Duration drain) {
        long nanos = drain.toNanos();
        lock.lock();
        try {
            while (inFlight > 0 && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
