package io.orderhooks.engine.internal;

import io.orderhooks.engine.internal.store.JobLock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one engine job now and then every {@code period} on a daemon thread of its own (the job judges what is due by
 * the engine's clock; the period only sets how often to look). Each pass takes the {@link JobLock} of the job's name
 * first, so with several engine instances on one database one of them runs it per period. A failing pass is logged
 * and the next one still runs. {@link #close()} stops it; a pass in progress finishes. Thread-safe.
 */
public final class PeriodicJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicJob.class);

    private final ScheduledExecutorService executor;

    private PeriodicJob(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /**
     * Starts job {@code name}: {@code pass} returns how many things it handled (logged when not zero, as {@code what}).
     */
    public static PeriodicJob start(String name, String what, Duration period, JobLock jobs, IntSupplier pass) {
        Objects.requireNonNull(pass, "pass");
        return start(name, period, jobs, pass::getAsInt, handled -> {
            if (handled > 0) {
                LOG.info("{}: {}", what, handled);
            }
        });
    }

    /**
     * Starts job {@code name}: each pass runs {@code pass} under the job's lock and, on the instance that ran it,
     * hands its result to {@code after} once the lock is released (a failure of either is logged; the next pass
     * still runs).
     *
     * @throws IllegalArgumentException when {@code period} is not positive
     */
    public static <R> PeriodicJob start(String name, Duration period, JobLock jobs, Supplier<R> pass, Consumer<R> after) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pass, "pass");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(jobs, "jobs");
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "orderhooks-" + name);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> runOnce(name, jobs, pass, after), 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return new PeriodicJob(executor);
    }

    private static <R> void runOnce(String name, JobLock jobs, Supplier<R> pass, Consumer<R> after) {
        try {
            jobs.runExclusively(name, pass).ifPresent(after);
        } catch (RuntimeException e) {
            LOG.warn("{} failed; will retry next period", name, e);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
