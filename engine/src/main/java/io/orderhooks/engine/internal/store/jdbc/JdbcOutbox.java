package io.orderhooks.engine.internal.store.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.engine.delivery.OutboundRequest;
import io.orderhooks.engine.delivery.Outbox;
import io.orderhooks.engine.delivery.OutboxEntry;
import io.orderhooks.engine.spi.DeliveryRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable {@link Outbox} in the store's {@code outbox} table. {@link #add} joins the calling thread's store
 * transaction (so a write and the post-webhooks it fires commit together); {@link #claim} locks due, unleased rows with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} (PostgreSQL and H2 2.2+ both support it) and writes the lease in the same
 * short transaction, so several engines on one PostgreSQL never claim a row twice while its lease holds.
 */
final class JdbcOutbox implements Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcOutbox.class);

    private static final String COLUMNS =
            "id, kind, subject, endpoint_id, order_id, attempt, url, path, headers, body, due_at";
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private final Transactions tx;

    JdbcOutbox(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean add(OutboxEntry e) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (" + COLUMNS
                    + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, e.id());
                ps.setString(2, e.kind().name());
                ps.setString(3, e.subject());
                ps.setString(4, e.endpointID());
                ps.setString(5, e.orderID());
                ps.setInt(6, e.number());
                ps.setString(7, e.request().url());
                ps.setString(8, e.request().path());
                ps.setString(9, json(e.request().headers()));
                ps.setString(10, Base64.getEncoder().encodeToString(e.request().body()));
                ps.setObject(11, time(e.due()));
                ps.setObject(12, time(e.due()));
                ps.executeUpdate();
                return true;
            }
        });
    }

    @Override
    public List<OutboxEntry> claim(String owner, Instant now, Duration lease, int max) {
        return tx.inTransaction(c -> {
            List<OutboxEntry> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE due_at <= ?"
                    + " AND (lease_until IS NULL OR lease_until <= ?) ORDER BY due_at, seq FETCH FIRST ? ROWS ONLY"
                    + " FOR UPDATE SKIP LOCKED")) {
                ps.setObject(1, time(now));
                ps.setObject(2, time(now));
                ps.setInt(3, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(entry(rs));
                    }
                }
            }
            // Only a row whose lease this statement wrote is returned: one it did not find unleased is not delivered.
            List<OutboxEntry> out = new ArrayList<>(found.size());
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET lease_owner = ?, lease_until = ?"
                    + " WHERE id = ? AND (lease_until IS NULL OR lease_until <= ?)")) {
                for (OutboxEntry e : found) {
                    ps.setString(1, owner);
                    ps.setObject(2, time(now.plus(lease)));
                    ps.setString(3, e.id());
                    ps.setObject(4, time(now));
                    if (ps.executeUpdate() == 1) {
                        out.add(e);
                    } else {
                        LOG.warn("outbox row {} was selected for a claim but its lease could not be written; not "
                                + "delivered by this claim", e.id());
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean reschedule(OutboxEntry next, String owner) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET attempt = ?, due_at = ?,"
                    + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?")) {
                ps.setInt(1, next.number());
                ps.setObject(2, time(next.due()));
                ps.setString(3, next.id());
                ps.setString(4, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean complete(String id, String owner) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE id = ? AND lease_owner = ?")) {
                ps.setString(1, id);
                ps.setString(2, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Ends every lease. Only for a database one process uses at a time (H2 in file mode), at its start: a lease
     * found then belonged to a process that died, so its entries need not wait for the lease to run out.
     */
    int releaseAllLeases() {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL")) {
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public int size() {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Override
    public Instant nextDue() {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(due_at) FROM outbox WHERE lease_until IS NULL");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
                return t == null ? null : t.toInstant();
            }
        });
    }

    @Override
    public boolean durable() {
        return true;
    }

    /** Nothing: a durable outbox keeps its entries for the next start. */
    @Override
    public List<OutboxEntry> takeUnclaimed() {
        return List.of();
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        OutboundRequest request = new OutboundRequest(rs.getString("url"), rs.getString("path"),
                Base64.getDecoder().decode(rs.getString("body")), headers(rs.getString("headers")));
        return new OutboxEntry(rs.getString("id"), DeliveryRecord.Kind.valueOf(rs.getString("kind")),
                rs.getString("subject"), rs.getString("endpoint_id"), rs.getString("order_id"), rs.getInt("attempt"),
                request, rs.getObject("due_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime time(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static String json(Map<String, String> headers) {
        try {
            return OrderCloudJson.mapper().writeValueAsString(headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> headers(String json) {
        try {
            return new java.util.LinkedHashMap<>(OrderCloudJson.mapper().readValue(json, HEADERS));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable headers in the outbox", e);
        }
    }
}
