package io.orderhooks.middleware.postgres.internal;

import java.sql.PreparedStatement;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Deletes idempotency rows past their expiry (remembered answers past retention, failed answers, lapsed
 * claims) in batches of {@value #BATCH}, at most {@value #MAX_BATCHES} batches per run, each its own short
 * transaction, so a sweep never holds many locks or runs unbounded.
 */
public final class RetentionSweep {

    static final int BATCH = 1_000;
    static final int MAX_BATCHES = 100;

    private final DataSource data;
    private final Clock clock;

    public RetentionSweep(DataSource data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    /** One sweep; returns how many rows it deleted. */
    public int run() {
        int total = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int deleted = Sql.inTransaction(data, c -> {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + Sql.SCHEMA + ".idempotency WHERE key IN"
                        + " (SELECT key FROM " + Sql.SCHEMA + ".idempotency WHERE expires_at < ? LIMIT ?"
                        + " FOR UPDATE SKIP LOCKED)")) {
                    Sql.set(s, 1, clock.instant());
                    s.setInt(2, BATCH);
                    return s.executeUpdate();
                }
            });
            total += deleted;
            if (deleted < BATCH) {
                break;
            }
        }
        return total;
    }
}
