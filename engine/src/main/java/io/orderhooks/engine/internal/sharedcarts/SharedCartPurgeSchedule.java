package io.orderhooks.engine.internal.sharedcarts;

import io.orderhooks.engine.internal.store.JobLock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine's {@link SharedCartPurger#purgeDue()} now and then every {@code period} on one daemon thread (the
 * purger judges what is due by the engine's clock; the period only sets how often to look). A failing pass is
 * logged and the next one still runs. With several engine instances on one database each pass takes the
 * {@link JobLock} of job {@value #JOB} first, so one instance purges (and sends each purge notice) per period and
 * the others skip it. {@link #close()} stops it; a pass in progress finishes. Thread-safe.
 */
public final class SharedCartPurgeSchedule implements AutoCloseable {

    /** The job name of the purge for {@link JobLock}. */
    public static final String JOB = "shared-cart-purge";

    private static final Logger LOG = LoggerFactory.getLogger(SharedCartPurgeSchedule.class);

    private final ScheduledExecutorService executor;

    private SharedCartPurgeSchedule(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Purges on a single instance. */
    public static SharedCartPurgeSchedule start(SharedCartPurger purger, Duration period) {
        return start(purger, period, JobLock.LOCAL);
    }

    /** Purges now and then every {@code period}, each pass under {@code jobs}' lock of {@value #JOB}. */
    public static SharedCartPurgeSchedule start(SharedCartPurger purger, Duration period, JobLock jobs) {
        Objects.requireNonNull(purger, "purger");
        Objects.requireNonNull(jobs, "jobs");
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "orderhooks-shared-cart-purge");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> runOnce(purger, jobs), 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return new SharedCartPurgeSchedule(executor);
    }

    private static void runOnce(SharedCartPurger purger, JobLock jobs) {
        try {
            SharedCartPurger.Report report = jobs.runExclusively(JOB, purger::purgeDue).orElse(null);
            if (report != null && (!report.purged().isEmpty() || !report.noticed().isEmpty())) {
                LOG.info("shared carts purged: {}; purge notices sent for: {}", report.purged(), report.noticed());
            }
        } catch (RuntimeException e) {
            LOG.warn("purging shared carts failed; will retry next period", e);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
