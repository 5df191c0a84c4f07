package io.orderhooks.middleware.postgres.internal;

import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.receiver.IdempotencyStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link IdempotencyStore} in PostgreSQL, shared by every instance on the database. A caller first reads the
 * key's row: a live answer is returned at once (one {@code SELECT}); a live claim is waited for, polling the
 * row (5 ms doubling to 100 ms) until its holder stores the answer. Otherwise the caller claims the key by
 * upserting a {@code running} row with its own token and a lease; the upsert succeeds only on a free key, an
 * expired answer, a lapsed lease (a crashed holder) or a failed answer the caller did not wait for, so of
 * several racing callers one wins and the others go back to waiting. The action runs
 * with no transaction or connection held. A holder whose action outlives the lease may see another caller
 * take over, so the lease must exceed the longest handler time limit.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcIdempotencyStore.class);
    private static final String TABLE = Sql.SCHEMA + ".idempotency";
    private static final String CLAIM = "INSERT INTO " + TABLE + " AS i (key, state, token, lease_until, expires_at)"
            + " VALUES (?, 'running', ?, ?, ?) ON CONFLICT (key) DO UPDATE SET state = 'running',"
            + " token = EXCLUDED.token, lease_until = EXCLUDED.lease_until, expires_at = EXCLUDED.expires_at,"
            + " status = NULL, headers = NULL, body = NULL"
            + " WHERE (i.state = 'done' AND i.expires_at < ?) OR (i.state = 'running' AND i.lease_until <= ?)"
            + " OR (i.state = 'failed' AND i.token IS DISTINCT FROM ?) RETURNING i.token";

    private record Row(String state, String token, Instant leaseUntil, Instant expiresAt, int status,
            Map<String, String> headers, byte[] body) {}

    private final DataSource data;
    private final Clock clock;
    private final Duration retention;
    private final Duration lease;

    public JdbcIdempotencyStore(DataSource data, Clock clock, Duration retention, Duration lease) {
        this.data = Objects.requireNonNull(data, "data");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = retention;
        this.lease = lease;
    }

    @Override
    public RawResponse execute(String key, Supplier<RawResponse> action, Predicate<RawResponse> remember) {
        Objects.requireNonNull(key, "key");
        String mine = UUID.randomUUID().toString();
        String waitedFor = null;
        long pauseMillis = 5;
        while (true) {
            Row row = Sql.read(data, c -> read(c, key));
            Instant now = clock.instant();
            if (row != null && row.state().equals("done") && !row.expiresAt().isBefore(now)) {
                return answer(row);
            }
            if (row != null && row.state().equals("failed") && row.token().equals(waitedFor)) {
                return answer(row);
            }
            if (row != null && row.state().equals("running") && row.leaseUntil().isAfter(now)) {
                waitedFor = row.token();
                pause(pauseMillis);
                pauseMillis = Math.min(100, pauseMillis * 2);
            } else if (claim(key, mine, waitedFor)) {
                return run(key, mine, action, remember);
            }
        }
    }

    private boolean claim(String key, String mine, String waitedFor) {
        Instant now = clock.instant();
        return Sql.inTransaction(data, c -> {
            try (PreparedStatement s = c.prepareStatement(CLAIM)) {
                s.setString(1, key);
                s.setString(2, mine);
                Sql.set(s, 3, now.plus(lease));
                Sql.set(s, 4, now.plus(lease));
                Sql.set(s, 5, now);
                Sql.set(s, 6, now);
                s.setString(7, waitedFor);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() && mine.equals(r.getString(1));
                }
            }
        });
    }

    private RawResponse run(String key, String mine, Supplier<RawResponse> action, Predicate<RawResponse> remember) {
        RawResponse answer;
        try {
            answer = action.get();
        } catch (RuntimeException | Error e) {
            int changed = Sql.inTransaction(data, c -> {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + TABLE + " WHERE key = ? AND token = ?")) {
                    s.setString(1, key);
                    s.setString(2, mine);
                    return s.executeUpdate();
                }
            });
            warnIfTakenOver(changed, key, "an exception");
            throw e;
        }
        boolean keep = remember.test(answer);
        Instant now = clock.instant();
        int changed = Sql.inTransaction(data, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + TABLE + " SET state = ?, status = ?, headers = ?,"
                    + " body = ?, lease_until = ?, expires_at = ? WHERE key = ? AND token = ?")) {
                s.setString(1, keep ? "done" : "failed");
                s.setInt(2, answer.status());
                s.setString(3, Sql.json(answer.headers()));
                s.setBytes(4, answer.body());
                Sql.set(s, 5, now);
                Sql.set(s, 6, now.plus(keep ? retention : lease));
                s.setString(7, key);
                s.setString(8, mine);
                return s.executeUpdate();
            }
        });
        warnIfTakenOver(changed, key, "status " + answer.status());
        return answer;
    }

    private void warnIfTakenOver(int changed, String key, String outcome) {
        if (changed == 0) {
            LOG.warn("idempotency key {}: another caller took over after this one's lease of {} lapsed; this run's "
                    + "outcome ({}) was not stored", key, lease, outcome);
        }
    }

    private static Row read(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT state, token, lease_until, expires_at, status, headers, body FROM " + TABLE + " WHERE key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                String headers = r.getString("headers");
                return new Row(r.getString("state"), r.getString("token"), Sql.instant(r, "lease_until"),
                        Sql.instant(r, "expires_at"), r.getInt("status"),
                        headers == null ? Map.of() : Sql.stringMap(headers), r.getBytes("body"));
            }
        }
    }

    private static RawResponse answer(Row row) {
        return new RawResponse(row.status(), row.headers(), row.body());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another instance's answer", e);
        }
    }
}
