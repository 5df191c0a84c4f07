package io.orderhooks.core.receiver;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.MDC;

/**
 * Runs a task with a time limit. {@link #run} runs it on a pool of daemon threads while the caller waits; a task
 * that overruns is interrupted and reported as {@link Outcome.TimedOut}; one that throws as {@link Outcome.Failed}.
 * {@link #runHere} runs it on the caller's own thread (no hand-off) while one timer thread per JVM watches the
 * limit: at the limit the timer interrupts the task and produces the time-out answer on a pool thread, at once,
 * even if the task ignores interruption. Callers decide what a time-out means (fallback, 504, block). The caller's
 * SLF4J MDC (trace and order IDs) is copied to pool threads for the task's duration, so a handler's log lines carry
 * them. Thread-safe; close it to stop its threads.
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

    /** How a {@link #runHere} call ended: the task's own outcome, or the answer produced at its limit. */
    public sealed interface Inline<T, R> {
        /** The task ended (returned or threw) before its limit. */
        record Finished<T, R>(Outcome<T> outcome) implements Inline<T, R> {}

        /** The limit came first: {@code answer} is what {@code onExpiry} produced (and already delivered). */
        record Expired<T, R>(R answer) implements Inline<T, R> {}
    }

    /**
     * Runs {@code task} on the calling thread with a time limit. If the task ends first, its outcome is returned
     * (no thread hand-off, no wait). If the limit comes first, the timer interrupts the task and runs {@code onExpiry}
     * (given the limit) on a pool thread at once, under the caller's MDC: that is where a time-out answer is built
     * and delivered, while the calling thread may still be stuck in a task that ignores interruption. When the task
     * finally ends, its result is dropped, the calling thread's interrupt flag is cleared, and this returns
     * {@code onExpiry}'s result (waiting for it if needed), so the caller records the answer that was actually sent.
     */
    public <T, R> Inline<T, R> runHere(Callable<T> task, Duration limit, Function<Duration, R> onExpiry) {
        Objects.requireNonNull(task, "task");
        CompletableFuture<R> expired = new CompletableFuture<>();
        Callable<R> late = withCallersMdc(() -> onExpiry.apply(limit));
        Deadlines deadlines = Deadlines.shared();
        Deadlines.Watch watch = deadlines.arm(limit.toNanos(), w -> expireOnPool(late, expired));
        Outcome<T> outcome;
        try {
            outcome = new Outcome.Completed<>(task.call());
        } catch (Exception | Error e) {
            outcome = new Outcome.Failed<>(e);
        }
        if (deadlines.finish(watch)) {
            return new Inline.Finished<>(outcome);
        }
        return new Inline.Expired<>(expired.join());
    }

    private <R> void expireOnPool(Callable<R> late, CompletableFuture<R> expired) {
        Runnable produce = () -> {
            try {
                expired.complete(late.call());
            } catch (Exception | Error e) {
                expired.completeExceptionally(e);
            }
        };
        try {
            executor.execute(produce);
        } catch (RejectedExecutionException closed) {
            produce.run();
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
