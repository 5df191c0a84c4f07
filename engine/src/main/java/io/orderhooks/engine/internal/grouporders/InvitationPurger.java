package io.orderhooks.engine.internal.grouporders;

import io.orderhooks.engine.internal.PeriodicJob;
import io.orderhooks.engine.internal.store.JobLock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link GroupOrderService#purgeExpired()} every {@code period} as a {@link PeriodicJob}, so expired invitations
 * are deleted automatically. Whether an invitation has expired is decided by the engine's clock; the period only
 * sets how often to look (tests call {@code purgeExpired()} directly after moving a {@code MutableClock}).
 * A failing run is logged and the next one still happens. With several engine instances on one database each
 * run takes the {@link JobLock} of job {@value #JOB} first, so one instance purges per period and the others skip
 * it. {@link #close()} stops it; thread-safe.
 */
public final class InvitationPurger implements AutoCloseable {

    /** Told the IDs of the invitations each run deleted (only when it deleted some); runs on the purge thread. */
    @FunctionalInterface
    public interface Listener {
        void purged(List<String> invitationIDs);
    }

    /** The job name of the purge for {@link JobLock}. */
    public static final String JOB = "group-order-invitation-purge";

    private static final Logger LOG = LoggerFactory.getLogger(InvitationPurger.class);

    private final PeriodicJob job;

    private InvitationPurger(PeriodicJob job) {
        this.job = job;
    }

    /** Starts purging now and then every {@code period}, each run under {@code jobs}' lock of {@value #JOB}. */
    public static InvitationPurger start(GroupOrderService service, Duration period, JobLock jobs, Listener listener) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(listener, "listener");
        return new InvitationPurger(PeriodicJob.start(JOB, period, jobs, service::purgeExpired, purged -> {
            if (!purged.isEmpty()) {
                LOG.debug("purged {} expired group order invitation(s)", purged.size());
                listener.purged(purged);
            }
        }));
    }

    /** Starts purging now and then every {@code period} on a single instance. */
    public static InvitationPurger start(GroupOrderService service, Duration period, Listener listener) {
        return start(service, period, JobLock.LOCAL, listener);
    }

    /** Starts purging every {@code period} without a listener, each run under {@code jobs}' lock. */
    public static InvitationPurger start(GroupOrderService service, Duration period, JobLock jobs) {
        return start(service, period, jobs, ids -> {});
    }

    /** Starts purging every {@code period} without a listener, on a single instance. */
    public static InvitationPurger start(GroupOrderService service, Duration period) {
        return start(service, period, JobLock.LOCAL, ids -> {});
    }

    /** Stops the schedule; a run in progress finishes. */
    @Override
    public void close() {
        job.close();
    }
}
