package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.internal.store.AttemptCounts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link AttemptCounts} in table {@code attempt_counts} on PostgreSQL: each count is one
 * {@code INSERT ... ON CONFLICT DO UPDATE ... RETURNING} (the row lock makes concurrent counts on any instance
 * serial). Rows whose window ended are deleted at most once a minute per instance, in one statement.
 */
final class JdbcAttemptCounts implements AttemptCounts {

    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    private static final String UPSERT = "INSERT INTO attempt_counts AS a (counter, key_hash, window_end, attempts)"
            + " VALUES (?, ?, ?, 1) ON CONFLICT (counter, key_hash) DO UPDATE SET"
            + " attempts = CASE WHEN a.window_end <= ? THEN 1 ELSE a.attempts + 1 END,"
            + " window_end = CASE WHEN a.window_end <= ? THEN EXCLUDED.window_end ELSE a.window_end END"
            + " RETURNING attempts, window_end";

    private final Transactions tx;
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

    JdbcAttemptCounts(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Window count(String counter, String key, Instant now, Duration length) {
        sweepIfDue(now);
        OffsetDateTime at = utc(now);
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                ps.setString(1, counter);
                ps.setString(2, sha256(key));
                ps.setObject(3, utc(now.plus(length)));
                ps.setObject(4, at);
                ps.setObject(5, at);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Window(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
        });
    }

    private void sweepIfDue(Instant now) {
        Instant due = nextSweep.get();
        if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(SWEEP_EVERY))) {
            return;
        }
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM attempt_counts WHERE window_end <= ?")) {
                ps.setObject(1, utc(now));
                return ps.executeUpdate();
            }
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
