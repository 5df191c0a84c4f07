package io.orderhooks.core.receiver;

import io.orderhooks.core.internal.Sweeper;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The deadlines of handlers running on their callers' threads, fired by one daemon thread per JVM
 * ({@link #shared()}, a {@link Sweeper}: arming and disarming is a concurrent-set insert and remove, with no context
 * switch per call); what a deadline does when it fires is handed to the owning budget's pool, so the thread only
 * ever interrupts.
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
    static final class Watch extends AtomicInteger implements Sweeper.Watched {
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

        @Override
        public long dueAt() {
            return deadline;
        }

        /** Timer side, when due: interrupts the thread and fires the expiry unless the task ended first. */
        @Override
        public boolean check(long now) {
            if (expire()) {
                fire(this);
            }
            return false;
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

    private final Sweeper sweeper;

    /** The JVM's deadline thread, started on first use. */
    static Deadlines shared() {
        return Holder.SHARED;
    }

    private Deadlines(String threadName) {
        sweeper = new Sweeper(threadName);
    }

    /** Arms a deadline {@code nanos} from now for the calling thread; {@code onExpiry} runs on the timer thread. */
    Watch arm(long nanos, Consumer<Watch> onExpiry) {
        Watch watch = new Watch(System.nanoTime() + nanos, Thread.currentThread(), onExpiry);
        sweeper.arm(watch, nanos);
        return watch;
    }

    /** Called by the watched thread when its task ended: true if it ended before the deadline fired. */
    boolean finish(Watch watch) {
        sweeper.disarm(watch);
        return watch.finish();
    }

    private static void fire(Watch watch) {
        try {
            watch.onExpiry.accept(watch);
        } catch (RuntimeException | Error e) {
            LoggerFactory.getLogger(Deadlines.class).error("a time limit's expiry failed", e);
        }
    }
}
