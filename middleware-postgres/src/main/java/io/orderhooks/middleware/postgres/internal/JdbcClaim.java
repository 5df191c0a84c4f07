package io.orderhooks.middleware.postgres.internal;

import io.orderhooks.webhooks.DeadLetter;
import io.orderhooks.webhooks.PostQueueStorage;
import io.orderhooks.webhooks.QueuedPost;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** A delivery locked by an open transaction on its own connection; settling commits and closes it. */
final class JdbcClaim implements PostQueueStorage.Claim {

    private static final String TABLE = Sql.SCHEMA + ".post_queue";

    private final Connection c;
    private final QueuedPost post;

    JdbcClaim(Connection c, QueuedPost post) {
        this.c = c;
        this.post = post;
    }

    @Override
    public QueuedPost post() {
        return post;
    }

    @Override
    public void delivered() {
        settle(() -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + TABLE + " WHERE id = ?")) {
                s.setString(1, post.id());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void retry(int attempts, Instant dueAt, String error) {
        settle(() -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + TABLE
                    + " SET attempts = ?, due_at = ?, last_error = ? WHERE id = ?")) {
                s.setInt(1, attempts);
                Sql.set(s, 2, dueAt);
                s.setString(3, error);
                s.setString(4, post.id());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<DeadLetter> deadLetter(DeadLetter letter, int limit) {
        return settle(() -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + TABLE
                    + " SET dead = true, attempts = ?, last_error = ?, failed_at = ? WHERE id = ?")) {
                s.setInt(1, letter.attempts());
                s.setString(2, letter.lastError());
                Sql.set(s, 3, letter.failedAt());
                s.setString(4, post.id());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + TABLE + " WHERE id IN (SELECT id FROM " + TABLE
                    + " WHERE queue = (SELECT queue FROM " + TABLE + " WHERE id = ?) AND dead"
                    + " ORDER BY failed_at DESC, seq DESC OFFSET ?) RETURNING id, log_id, verb, route, attempts,"
                    + " last_error, failed_at, payload")) {
                s.setString(1, post.id());
                s.setInt(2, limit);
                return JdbcPostQueueStorage.deadLetters(s);
            }
        });
    }

    private interface Step<T> {
        T run() throws SQLException;
    }

    private <T> T settle(Step<T> step) {
        try {
            T result = step.run();
            c.commit();
            return result;
        } catch (SQLException e) {
            throw new Sql.StateException(e);
        } finally {
            closeQuietly(c);
        }
    }

    /** Closes {@code c} (rolling back what is uncommitted); a failure here changes nothing for the caller. */
    static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is closed next; the database rolls back on close anyway
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }
}
