package io.orderhooks.middleware.postgres.internal;

import io.orderhooks.webhooks.DeadLetter;
import io.orderhooks.webhooks.PostQueueStorage;
import io.orderhooks.webhooks.QueuedPost;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link PostQueueStorage} in PostgreSQL: one named queue in {@code post_queue}, shared by every instance.
 * A claim is a {@code SELECT .. FOR UPDATE SKIP LOCKED} in a transaction held open on its own connection until
 * the claim is settled, so a delivery is run by one worker at a time and, if the claiming process dies, the
 * database drops its lock and the delivery is claimable again at once. Adding and redriving take a
 * transaction-scoped advisory lock on the queue, so the capacity holds across instances.
 */
public final class JdbcPostQueueStorage implements PostQueueStorage {

    private static final String TABLE = Sql.SCHEMA + ".post_queue";
    private static final String DEAD_COLUMNS = "id, log_id, verb, route, attempts, last_error, failed_at, payload";

    private final DataSource data;
    private final String queue;

    public JdbcPostQueueStorage(DataSource data, String queue) {
        this.data = Objects.requireNonNull(data, "data");
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    @Override
    public boolean add(QueuedPost post, Instant dueAt, int capacity) {
        return Sql.inTransaction(data, c -> {
            if (!lockAndCheckRoom(c, capacity)) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + TABLE
                    + " (id, queue, log_id, verb, route, payload, attempts, due_at, context) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, post.id());
                s.setString(2, queue);
                s.setString(3, post.logId());
                s.setString(4, post.verb());
                s.setString(5, post.route());
                s.setBytes(6, post.payload());
                s.setInt(7, post.attempts());
                Sql.set(s, 8, dueAt);
                s.setString(9, Sql.json(post.context()));
                s.executeUpdate();
            }
            return true;
        });
    }

    private boolean lockAndCheckRoom(Connection c, int capacity) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            s.setString(1, "orderhooks-post-queue:" + queue);
            s.execute();
        }
        return count(c) < capacity;
    }

    @Override
    public int deadLetterCount() {
        return Sql.read(data, c -> count(c, true));
    }

    private int count(Connection c) throws SQLException {
        return count(c, false);
    }

    private int count(Connection c, boolean dead) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + TABLE + " WHERE queue = ? AND dead = "
                + dead)) {
            s.setString(1, queue);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    @Override
    public Optional<Claim> claimDue(Instant now) {
        Connection c = null;
        try {
            c = data.getConnection();
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT id, log_id, verb, route, payload, attempts, context FROM " + TABLE
                    + " WHERE queue = ? AND NOT dead AND due_at <= ? ORDER BY due_at, seq LIMIT 1 FOR UPDATE SKIP LOCKED")) {
                s.setString(1, queue);
                Sql.set(s, 2, now);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        QueuedPost post = new QueuedPost(r.getString("id"), r.getString("log_id"), r.getString("verb"),
                                r.getString("route"), r.getBytes("payload"), r.getInt("attempts"),
                                Sql.stringMap(r.getString("context")));
                        return Optional.of(new JdbcClaim(c, post));
                    }
                }
            }
            c.rollback();
            c.close();
            return Optional.empty();
        } catch (SQLException e) {
            JdbcClaim.closeQuietly(c);
            throw new Sql.StateException(e);
        }
    }

    @Override
    public int pending() {
        return Sql.read(data, this::count);
    }

    @Override
    public List<DeadLetter> deadLetters() {
        return Sql.read(data, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + DEAD_COLUMNS + " FROM " + TABLE
                    + " WHERE queue = ? AND dead ORDER BY failed_at, seq")) {
                s.setString(1, queue);
                return deadLetters(s);
            }
        });
    }

    static List<DeadLetter> deadLetters(PreparedStatement s) throws SQLException {
        List<DeadLetter> letters = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                letters.add(new DeadLetter(r.getString("id"), r.getString("log_id"), r.getString("verb"),
                        r.getString("route"), r.getInt("attempts"), r.getString("last_error"), Sql.instant(r, "failed_at"),
                        new String(r.getBytes("payload"), StandardCharsets.UTF_8)));
            }
        }
        return letters;
    }

    @Override
    public boolean redrive(String id, Instant dueAt, int capacity) {
        return Sql.inTransaction(data, c -> {
            boolean room = lockAndCheckRoom(c, capacity);
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + TABLE + " WHERE id = ? AND queue = ? AND dead")) {
                s.setString(1, id);
                s.setString(2, queue);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new NoSuchElementException("no dead letter " + id);
                    }
                }
            }
            if (!room) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE " + TABLE + " SET dead = false, attempts = 0, due_at = ?,"
                    + " last_error = NULL, failed_at = NULL WHERE id = ?")) {
                Sql.set(s, 1, dueAt);
                s.setString(2, id);
                s.executeUpdate();
            }
            return true;
        });
    }

    /** None: the deliveries stay in the database for the other instances (or this one after a restart). */
    @Override
    public List<QueuedPost> release() {
        return List.of();
    }

    @Override
    public boolean shared() {
        return true;
    }

    String queue() {
        return queue;
    }
}
