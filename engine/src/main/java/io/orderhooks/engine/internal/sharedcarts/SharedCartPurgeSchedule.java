package io.orderhooks.engine.internal.sharedcarts;

import io.orderhooks.engine.internal.PeriodicJob;
import io.orderhooks.engine.internal.store.JobLock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine's {@link SharedCartPurger#purgeDue()} now and then every {@code period} as a {@link PeriodicJob}
 * (the purger judges what is due by the engine's clock; the period only sets how often to look). A failing pass is
 * logged and the next one still runs. With several engine instances on one database each pass takes the
 * {@link JobLock} of job {@value #JOB} first, so one instance purges (and sends each purge notice) per period and
 * the others skip it. {@link #close()} stops it; a pass in progress finishes. Thread-safe.
 */
public final class SharedCartPurgeSchedule implements AutoCloseable {

    /** The job name of the purge for {@link JobLock}. */
    public static final String JOB = "shared-cart-purge";

    private static final Logger LOG = LoggerFactory.getLogger(SharedCartPurgeSchedule.class);

    private final PeriodicJob job;

    private SharedCartPurgeSchedule(PeriodicJob job) {
        this.job = job;
    }

    /** Purges on a single instance. */
    public static SharedCartPurgeSchedule start(SharedCartPurger purger, Duration period) {
        return start(purger, period, JobLock.LOCAL);
    }

    /** Purges now and then every {@code period}, each pass under {@code jobs}' lock of {@value #JOB}. */
    public static SharedCartPurgeSchedule start(SharedCartPurger purger, Duration period, JobLock jobs) {
        Objects.requireNonNull(purger, "purger");
        return new SharedCartPurgeSchedule(PeriodicJob.start(JOB, period, jobs, purger::purgeDue, report -> {
            if (!report.purged().isEmpty() || !report.noticed().isEmpty()) {
                LOG.info("shared carts purged: {}; purge notices sent for: {}", report.purged(), report.noticed());
            }
        }));
    }

    @Override
    public void close() {
        job.close();
    }
}
