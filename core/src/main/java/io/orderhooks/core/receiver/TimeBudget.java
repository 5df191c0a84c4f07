package io.orderhooks.core.receiver;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/**
 * Runs a task with a time limit on a pool of daemon threads. A task that overruns is interrupted and
 * reported as {@link Outcome.TimedOut}; one that throws as {@link Outcome.Failed}. Callers decide what a
 * time-out means (fallback, 504, block). The caller's SLF4J MDC (trace and order IDs) is copied to the task's
 * thread for the task's duration, so a handler's log lines carry them. Thread-safe; close it to stop its threads.
 */
public final class TimeBudget implements AutoCloseable {

    private final ExecutorService executor;

    public TimeBudget(String threadNamePrefix) {
        this.executor = Executors.newCachedThreadPool(daemonThreads(threadNamePrefix));
    }

    /** The result of one run. */
    public sealed interface Outcome<T> {
        record Completed<T>(T value) implements Outcome<T> {}

        record Failed<T>(Throwable cause) implements Outcome<T> {}

        record TimedOut<T>(Duration limit) implements Outcome<T> {}
    }

    /** Runs {@code task}, waiting at most {@code limit}. Never throws for the task's own failure. */
    public <T> Outcome<T> run(Callable<T> task, Duration limit) {
        Objects.requireNonNull(task, "task");
        Future<T> future = executor.submit(withCallersMdc(task));
        try {
            return new Outcome.Completed<>(future.get(limit.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Outcome.TimedOut<>(limit);
        } catch (ExecutionException e) {
            return new Outcome.Failed<>(e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Outcome.Failed<>(e);
        }
    }

    private static <T> Callable<T> withCallersMdc(Callable<T> task) {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        if (mdc == null || mdc.isEmpty()) {
            return task;
        }
        return () -> {
            MDC.setContextMap(mdc);
            try {
                return task.call();
            } finally {
                MDC.clear();
            }
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
