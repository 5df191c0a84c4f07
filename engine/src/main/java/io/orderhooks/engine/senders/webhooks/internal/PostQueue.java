package io.orderhooks.engine.senders.webhooks.internal;

import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.delivery.Attempt;
import io.orderhooks.engine.delivery.Deliverer;
import io.orderhooks.engine.delivery.RetrySchedule;
import io.orderhooks.engine.delivery.Sent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;

/**
 * Post-webhook deliveries waiting for their due time on the injected clock, bounded by a capacity that
 * counts pending and in-flight deliveries. Deliveries are made by worker threads or by {@link #runDue()};
 * a failed attempt is rescheduled after the schedule's (jittered) wait, and a failed last attempt is
 * recorded as a dead letter. Nothing accepted is lost: on {@link #close} every pending delivery is recorded
 * as a dead letter (reason "shutdown"), and in-flight ones that fail afterwards too.
 */
public final class PostQueue {

    /** One accepted delivery and the attempt it is waiting for. */
    record Job(Attempt attempt, Instant due, long seq) {}

    private final Deliverer deliverer;
    private final Clock clock;
    private final RetrySchedule schedule;
    private final Duration timeLimit;
    private final int capacity;
    private final DoubleSupplier random;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Job> pending =
            new PriorityQueue<>(Comparator.comparing(Job::due).thenComparingLong(Job::seq));
    private final AtomicLong seq = new AtomicLong();
    private int inFlight;
    private boolean closed;

    public PostQueue(Deliverer deliverer, RetrySchedule schedule, Duration timeLimit, int capacity,
            DoubleSupplier random) {
        this.deliverer = deliverer;
        this.clock = deliverer.clock();
        this.schedule = schedule;
        this.timeLimit = timeLimit;
        this.capacity = capacity;
        this.random = random;
    }

    /** Queues the first attempt, due now; when full or closed, records it as a dead letter instead. */
    public void accept(Attempt first) {
        Attempt attempt = first.withFinalAttempt(schedule.maxAttempts() == 1);
        String refused;
        lock.lock();
        try {
            refused = closed ? "shutdown: the webhook sink is closed"
                    : pending.size() + inFlight >= capacity ? "queue full (capacity " + capacity + ")" : null;
            if (refused == null) {
                pending.add(new Job(attempt, clock.instant(), seq.incrementAndGet()));
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
        if (refused != null) {
            deliverer.deadLetter(attempt, refused);
        }
    }

    /** Delivers every attempt due now on the calling thread; returns how many were made. */
    public int runDue() {
        int made = 0;
        for (Job job = takeDue(false); job != null; job = takeDue(false)) {
            process(job);
            made++;
        }
        return made;
    }

    /** A worker's loop: delivers due attempts until the queue is closed. */
    public void work() {
        for (Job job = takeDue(true); job != null; job = takeDue(true)) {
            process(job);
        }
    }

    /** Pending plus in-flight deliveries. */
    public int size() {
        lock.lock();
        try {
            return pending.size() + inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** When the next pending attempt is due, or null. */
    public Instant nextDue() {
        lock.lock();
        try {
            return pending.isEmpty() ? null : pending.peek().due();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops accepting, dead-letters every pending attempt ("shutdown") and waits up to {@code drain} for
     * in-flight attempts to finish. Returns the dead-letter records written for pending attempts.
     */
    public List<DeliveryRecord> close(Duration drain) {
        List<Job> left;
        lock.lock();
        try {
            closed = true;
            left = new ArrayList<>(pending);
            pending.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        List<DeliveryRecord> records = new ArrayList<>();
        for (Job job : left) {
            records.add(deliverer.deadLetter(job.attempt(), "shutdown: the webhook sink closed before attempt "
                    + job.attempt().number()));
        }
        awaitIdle(drain);
        return records;
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

    private Job takeDue(boolean wait) {
        lock.lock();
        try {
            while (!closed) {
                Job head = pending.peek();
                Instant now = clock.instant();
                if (head != null && !head.due().isAfter(now)) {
                    pending.poll();
                    inFlight++;
                    return head;
                }
                if (!wait) {
                    return null;
                }
                long waitMillis = head == null ? 1000 : Math.min(1000, Duration.between(now, head.due()).toMillis());
                changed.await(Math.max(1, waitMillis), TimeUnit.MILLISECONDS);
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    private void process(Job job) {
        Sent sent = null;
        try {
            sent = deliverer.send(job.attempt(), timeLimit);
        } finally {
            finish(job, sent);
        }
    }

    private void finish(Job job, Sent sent) {
        Attempt attempt = job.attempt();
        boolean again = (sent == null || !sent.succeeded()) && !attempt.finalAttempt();
        Attempt next = null;
        String refused = null;
        lock.lock();
        try {
            inFlight--;
            if (again) {
                int n = attempt.number() + 1;
                next = attempt.withNumber(n).withFinalAttempt(n >= schedule.maxAttempts());
                if (closed) {
                    refused = "shutdown: the webhook sink closed before attempt " + n;
                } else {
                    Instant due = clock.instant().plus(schedule.delayAfter(attempt.number(), random));
                    pending.add(new Job(next, due, seq.incrementAndGet()));
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (refused != null) {
            deliverer.deadLetter(next, refused);
        }
    }

    /** For a redelivery: a single final attempt. */
    public Sent sendOnce(Attempt attempt) {
        return deliverer.send(attempt.withFinalAttempt(true), timeLimit);
    }
}
