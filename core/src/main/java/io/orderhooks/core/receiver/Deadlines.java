package io.orderhooks.core.receiver;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * One daemon thread per JVM ({@link #shared()}) that fires the deadlines of handlers running on their callers'
 * threads; what a deadline does when it fires is handed to the owning budget's pool, so the thread only ever
 * interrupts. Arming and disarming a deadline is a concurrent-set insert and remove. The thread sleeps towards the
 * earliest deadline but never longer than the shortest limit armed so far, so a new deadline (at least that far
 * ahead) never has to wake it: no context switch per call, unlike a {@code ScheduledThreadPoolExecutor}, whose queue
 * signals its thread whenever a new task becomes the head (on each call, when calls are much shorter than their
 * limit). On waking it scans the armed deadlines (as many as calls in flight) and fires those due.
 */
final class Deadlines {

    private static final class Holder {
        static final Deadlines SHARED = new Deadlines("orderhooks-deadlines");
    }

    /**
     * One armed deadline, and the hand-shake between the watched thread and the timer: the watched thread moves
     * {@code RUNNING -> DONE} when its task ends; the timer moves {@code RUNNING -> INTERRUPTING}, interrupts the
     * thread, then sets {@code INTERRUPTED}. Whoever moves first wins; a watched thread that lost waits for
     * {@code INTERRUPTED} and clears its interrupt flag, so the timer's interrupt never outlives the task.
     */
    static final class Watch extends AtomicInteger {
        private static final int RUNNING = 0;
        private static final int DONE = 1;
        private static final int INTERRUPTING = 2;
        private static final int INTERRUPTED = 3;

        final long deadline;
        private final Thread thread;
        private final Consumer<Watch> onExpiry;

        Watch(long deadline, Thread thread, Consumer<Watch> onExpiry) {
            this.deadline = deadline;
            this.thread = thread;
            this.onExpiry = onExpiry;
        }

        /** Timer side: true when the deadline won (the thread has been interrupted). */
        private boolean expire() {
            if (!compareAndSet(RUNNING, INTERRUPTING)) {
                return false;
            }
            thread.interrupt();
            set(INTERRUPTED);
            return true;
        }

        /** Watched side, on its own thread: true when the task ended first; otherwise the interrupt is cleared. */
        private boolean finish() {
            if (compareAndSet(RUNNING, DONE)) {
                return true;
            }
            while (get() != INTERRUPTED) {
                Thread.yield(); // the timer is between its two steps; on a busy machine it may need the core
            }
            Thread.interrupted();
            return false;
        }
    }

    private final Set<Watch> armed = ConcurrentHashMap.newKeySet();
    private final Thread timer;
    /** True while the timer scans or sleeps with nothing armed: every new deadline must wake it. */
    private volatile boolean idle = true;
    /** The {@link System#nanoTime()} the timer sleeps towards, when not {@link #idle}. */
    private volatile long plannedWake;
    /** The shortest limit armed so far: the timer never sleeps longer, so a new deadline never needs to wake it. */
    private volatile long shortestLimit = Long.MAX_VALUE;

    /** The JVM's deadline thread, started on first use. */
    static Deadlines shared() {
        return Holder.SHARED;
    }

    private Deadlines(String threadName) {
        timer = new Thread(this::loop, threadName);
        timer.setDaemon(true);
        timer.start();
    }

    /** Arms a deadline {@code nanos} from now for the calling thread; {@code onExpiry} runs on the timer thread. */
    Watch arm(long nanos, Consumer<Watch> onExpiry) {
        if (nanos < shortestLimit) {
            shortestLimit = nanos; // a lost race only costs an unpark below
        }
        Watch watch = new Watch(System.nanoTime() + nanos, Thread.currentThread(), onExpiry);
        armed.add(watch);
        if (idle || watch.deadline - plannedWake < 0) {
            LockSupport.unpark(timer);
        }
        return watch;
    }

    /** Called by the watched thread when its task ended: true if it ended before the deadline fired. */
    boolean finish(Watch watch) {
        armed.remove(watch);
        return watch.finish();
    }

    private static void fire(Watch watch) {
        try {
            watch.onExpiry.accept(watch);
        } catch (RuntimeException | Error e) {
            LoggerFactory.getLogger(Deadlines.class).error("a time limit's expiry failed", e);
        }
    }

    private void loop() {
        while (true) {
            idle = true;
            long now = System.nanoTime();
            long next = 0;
            boolean any = false;
            for (Watch watch : armed) {
                if (watch.deadline - now <= 0) {
                    armed.remove(watch);
                    if (watch.expire()) {
                        fire(watch);
                    }
                } else if (!any || watch.deadline - next < 0) {
                    next = watch.deadline;
                    any = true;
                }
            }
            long shortest = shortestLimit;
            if (shortest == Long.MAX_VALUE) {
                LockSupport.park(this); // nothing was ever armed
                continue;
            }
            // wake by the earliest deadline, and at least every shortest limit: any deadline armed from now on lies
            // beyond that wake, so arming one never has to wake this thread (short calls would otherwise wake it
            // each time they find it idle)
            long wake = any && next - (now + shortest) < 0 ? next : now + shortest;
            plannedWake = wake;
            idle = false;
            LockSupport.parkNanos(this, wake - now);
        }
    }
}
