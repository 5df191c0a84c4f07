package io.orderhooks.engine.internal.api.auth;

import io.orderhooks.core.model.ApiClient;
import io.orderhooks.engine.internal.PeriodicJob;
import io.orderhooks.engine.internal.store.JobLock;
import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.Tables;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes retired signing keys once no token they signed can still be valid ({@link StoredSigningKeys#pruneRetired}),
 * every period, each pass under the cluster-wide {@link JobLock} of job {@value #JOB} (one instance prunes per period).
 * The longest token lifetime is read at each pass: the longest {@code AccessTokenDuration} of the stored API clients,
 * and never less than {@link #FLOOR}. Thread-safe; {@link #close} stops the schedule.
 */
public final class SigningKeyPruning implements AutoCloseable {

    /** The job name for {@link JobLock}. */
    public static final String JOB = "signing-key-prune";
    /**
     * The least lifetime assumed: OrderCloud's default {@code AccessTokenDuration} (600 minutes), which is also the
     * cap of group-order contributor tokens and above the 30 minutes of password-renewal tokens.
     */
    public static final Duration FLOOR = Duration.ofMinutes(600);

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyPruning.class);

    private final PeriodicJob job;

    private SigningKeyPruning(PeriodicJob job) {
        this.job = job;
    }

    /** Prunes now and then every {@code period} (a {@link PeriodicJob}), judged by {@code clock}. */
    public static SigningKeyPruning start(Store store, Clock clock, Duration period, JobLock jobs) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        return new SigningKeyPruning(PeriodicJob.start(JOB, period, jobs,
                () -> StoredSigningKeys.pruneRetired(store, clock, longestTokenLifetime(store)), pruned -> {
                    if (!pruned.isEmpty()) {
                        LOG.info("deleted {} retired signing key(s) no valid token can name: {}", pruned.size(), pruned);
                    }
                }));
    }

    /** One pass under {@code jobs}' lock; the {@code kid}s deleted (none when another instance holds the lock). */
    public static List<String> runOnce(Store store, Clock clock, JobLock jobs) {
        return jobs.runExclusively(JOB, () -> StoredSigningKeys.pruneRetired(store, clock, longestTokenLifetime(store)))
                .orElse(List.of());
    }

    /** The longest lifetime a token signed now could have: see the class doc. */
    public static Duration longestTokenLifetime(Store store) {
        Duration longest = FLOOR;
        for (ApiClient client : store.table(Tables.API_CLIENTS).list()) {
            Integer minutes = client.accessTokenDuration();
            if (minutes != null && minutes > 0 && Duration.ofMinutes(minutes).compareTo(longest) > 0) {
                longest = Duration.ofMinutes(minutes);
            }
        }
        return longest;
    }

    /** Stops the schedule; a pass in progress finishes. */
    @Override
    public void close() {
        job.close();
    }
}
