package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.internal.store.JobLock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * {@link JobLock} on PostgreSQL: a run opens a transaction on a connection of its own and takes
 * {@code pg_try_advisory_xact_lock(key)} (key = the first 8 bytes of SHA-256 of {@code orderhooks.engine.job:} +
 * the job name), runs the work (whose store calls use their own connections and transactions) and ends the
 * transaction, which releases the lock. Not taken = another instance is running the job: skipped
 * ({@link #runSerialized} waits instead, with {@code pg_advisory_xact_lock}). If this
 * instance dies mid-run, PostgreSQL ends its session and the lock with it.
 */
final class AdvisoryJobLock implements JobLock {

    private final DataSource pool;

    AdvisoryJobLock(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public <R> Optional<R> runExclusively(String job, Supplier<R> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!tryLock(c, key(job))) {
                    return Optional.empty();
                }
                return Optional.ofNullable(work.get());
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw StoreFailures.unavailable(e);
        }
    }

    @Override
    public <R> R runSerialized(String job, Supplier<R> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    ps.setLong(1, key(job));
                    ps.execute();
                }
                return work.get();
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw StoreFailures.unavailable(e);
        }
    }

    private static boolean tryLock(Connection c, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The job's 64-bit advisory lock key. */
    static long key(String job) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("orderhooks.engine.job:" + job).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(d, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL advisory job locks";
    }
}
