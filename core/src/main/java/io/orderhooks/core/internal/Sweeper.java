package io.orderhooks.core.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.LoggerFactory;

/**
 * One daemon thread that checks many armed items, each when it is due, for per-request time limits that almost
 * never fire (handler deadlines, request-body rate checks). Arming and disarming is a concurrent-set insert and
 * remove: no timer task per request. The thread sleeps towards the earliest item due but never longer than the
 * shortest first delay armed so far, so a newly armed item (first due at least that far ahead) never has to wake
 * it: no context switch per request, unlike a {@code ScheduledThreadPoolExecutor}, whose queue signals its thread
 * whenever a new task becomes the head (on each request, when requests are much shorter than their limit). On
 * waking it scans the armed items (as many as requests in flight) and checks those due. Not part of the API.
 */
public final class Sweeper {

    /** One armed item: when it is next due, and its check. */
    public interface Watched {
        /** The {@link System#nanoTime()} at which the next check is due; may move on only inside {@link #check}. */
        long dueAt();

        /** Checks the item at {@code now} on the sweeper's thread; true keeps it armed ({@link #dueAt()} moved on). */
        boolean check(long now);
    }

    private final Set<Watched> armed = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    /** True while the thread scans or sleeps with nothing to wait for: every new item must wake it. */
    private volatile boolean idle = true;
    /** The {@link System#nanoTime()} the thread sleeps towards, when not {@link #idle}. */
    private volatile long plannedWake;
    /** The shortest first delay armed so far: the thread never sleeps longer. */
    private volatile long shortestFirst = Long.MAX_VALUE;

    /** Starts the sweeper's daemon thread. */
    public Sweeper(String threadName) {
        thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Watches {@code item}, first due {@code firstDelayNanos} after it was created (its {@link Watched#dueAt()}). */
    public void arm(Watched item, long firstDelayNanos) {
        if (firstDelayNanos < shortestFirst) {
            shortestFirst = firstDelayNanos; // a lost race only costs an unpark below
        }
        armed.add(item);
        if (idle || item.dueAt() - plannedWake < 0) {
            LockSupport.unpark(thread);
        }
    }

    /** Stops watching {@code item}; safe to call more than once. */
    public void disarm(Watched item) {
        armed.remove(item);
    }

    /** How many items are armed. */
    public int armedCount() {
        return armed.size();
    }

    private void loop() {
        while (true) {
            idle = true;
            long now = System.nanoTime();
            long next = 0;
            boolean any = false;
            for (Watched item : armed) {
                if (item.dueAt() - now <= 0 && !keeps(item, now)) {
                    armed.remove(item);
                } else if (!any || item.dueAt() - next < 0) {
                    next = item.dueAt();
                    any = true;
                }
            }
            long shortest = shortestFirst;
            if (shortest == Long.MAX_VALUE) {
                LockSupport.park(this); // nothing was ever armed
                continue;
            }
            // wake by the earliest item due, and at least every shortest first delay: any item armed from now on
            // is first due beyond that wake, so arming one never has to wake this thread
            long wake = any && next - (now + shortest) < 0 ? next : now + shortest;
            plannedWake = wake;
            idle = false;
            LockSupport.parkNanos(this, Math.max(0, wake - now));
        }
    }

    private static boolean keeps(Watched item, long now) {
        try {
            return item.check(now);
        } catch (RuntimeException | Error e) {
            LoggerFactory.getLogger(Sweeper.class).error("a time limit's check failed", e);
            return false;
        }
    }
}
