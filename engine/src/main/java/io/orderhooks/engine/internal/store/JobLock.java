package io.orderhooks.engine.internal.store;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes a scheduled job run once across every engine instance sharing one database. Each instance still runs its
 * own schedule; a run first takes the job's cluster-wide lock and, when another instance holds it, skips this
 * period (the holder is doing the work). The lock is held for the whole run, so a run that starts just after
 * another finished sees that run's effects (purged rows gone, notices marked sent) and does not repeat them.
 *
 * <p>{@link #LOCAL} (the in-memory and H2 stores: one instance per state) always runs. On PostgreSQL the lock is
 * {@code pg_try_advisory_xact_lock} on a connection of its own, released when the run ends or when the instance
 * dies (PostgreSQL drops a dead client's locks). Thread-safe.
 */
public interface JobLock {

    /** Runs {@code work} unless another instance is running {@code job} now; empty when skipped. */
    <R> Optional<R> runExclusively(String job, Supplier<R> work);

    /**
     * Runs {@code work} once no other instance is running {@code job}, waiting for the lock as long as it takes:
     * for work every instance must do, one at a time (start-up bootstrap), where a later run sees what an earlier
     * one committed. On PostgreSQL {@code pg_advisory_xact_lock}; {@link #LOCAL} just runs it.
     */
    <R> R runSerialized(String job, Supplier<R> work);

    /** A single instance: every run runs. */
    JobLock LOCAL = new JobLock() {
        @Override
        public <R> Optional<R> runExclusively(String job, Supplier<R> work) {
            return Optional.ofNullable(work.get());
        }

        @Override
        public <R> R runSerialized(String job, Supplier<R> work) {
            return work.get();
        }

        @Override
        public String toString() {
            return "local jobs";
        }
    };
}
