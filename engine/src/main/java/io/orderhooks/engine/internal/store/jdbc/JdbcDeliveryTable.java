package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.core.model.ListPage;
import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.query.PropertyReaders;
import io.orderhooks.engine.internal.query.internal.ValueKind;
import io.orderhooks.engine.internal.store.DeliveryTable;
import io.orderhooks.engine.spi.DeliveryRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code deliveries} table (migration V3): each record as a JSON document plus columns for what is looked up,
 * filtered, searched and sorted. {@link #list} is an indexed query, newest first (by insertion); {@link #page} runs
 * the list grammar in SQL like order lists ({@link SqlListQuery}), loading only the page when every filter and sort
 * key has a column, else Java finishes the SQL-narrowed records.
 */
final class JdbcDeliveryTable implements DeliveryTable {

    static final Map<String, SqlColumn> COLUMNS = Map.ofEntries(
            Map.entry("ID", SqlColumn.of("id", ValueKind.STRING)),
            Map.entry("Kind", SqlColumn.ofEnum("kind", DeliveryRecord.Kind.class)),
            Map.entry("Subject", SqlColumn.of("subject", ValueKind.STRING)),
            Map.entry("EndpointID", SqlColumn.of("endpoint_id", ValueKind.STRING)),
            Map.entry("Url", SqlColumn.of("url", ValueKind.STRING)),
            Map.entry("OrderID", SqlColumn.of("order_id", ValueKind.STRING)),
            Map.entry("Attempt", SqlColumn.of("attempt", ValueKind.NUMBER)),
            Map.entry("Outcome", SqlColumn.ofEnum("outcome", DeliveryRecord.OutcomeKind.class)),
            Map.entry("HttpStatus", SqlColumn.of("http_status", ValueKind.NUMBER)),
            Map.entry("Succeeded", SqlColumn.of("succeeded", ValueKind.BOOLEAN)),
            Map.entry("DeadLetter", SqlColumn.of("dead_letter", ValueKind.BOOLEAN)),
            Map.entry("Redeliverable", SqlColumn.of("redeliverable", ValueKind.BOOLEAN)),
            Map.entry("Error", SqlColumn.of("error", ValueKind.STRING)),
            Map.entry("Timestamp", SqlColumn.of("ts", ValueKind.DATE)));

    private static final String INSERT = "INSERT INTO deliveries (id, kind, subject, endpoint_id, url, order_id, attempt, "
            + "outcome, http_status, succeeded, dead_letter, redeliverable, error, ts, doc) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Transactions tx;
    private final SqlListQuery translator;

    JdbcDeliveryTable(Transactions tx, Dialect dialect) {
        this.tx = tx;
        this.translator = new SqlListQuery(COLUMNS, dialect);
    }

    @Override
    public void append(DeliveryRecord r) {
        tx.guarded(c -> {
            insert(c, r);
            return null;
        }, e -> StoreFailures.isUniqueViolation(e)
                ? new IllegalArgumentException("a record with ID " + r.id() + " is already logged", e)
                : StoreFailures.unavailable(e));
    }

    static void insert(Connection c, DeliveryRecord r) throws SQLException {
        List<Object> p = new ArrayList<>(List.of(r.id(), r.kind().name()));
        p.add(r.subject());
        p.add(r.endpointID());
        p.add(r.url());
        p.add(r.orderID());
        p.add(r.attempt());
        p.add(r.outcome() == null ? null : r.outcome().name());
        p.add(r.httpStatus());
        p.addAll(List.of(r.succeeded(), r.deadLetter(), r.redeliverable()));
        p.add(r.error());
        p.add(r.timestamp().atOffset(ZoneOffset.UTC));
        p.add(StoreJson.write(r));
        try (PreparedStatement ps = OrderListSql.prepare(c, INSERT, p)) {
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<DeliveryRecord> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        List<DeliveryRecord> found = tx.inTransaction(c -> select(c, "SELECT doc FROM deliveries WHERE id = ?", List.of(id)));
        return found.stream().findFirst();
    }

    @Override
    public List<DeliveryRecord> list(Query q) {
        List<String> where = new ArrayList<>(List.of("1=1"));
        List<Object> p = new ArrayList<>();
        condition(where, p, "kind = ?", q.kind() == null ? null : q.kind().name());
        condition(where, p, "endpoint_id = ?", q.endpointID());
        condition(where, p, "order_id = ?", q.orderID());
        condition(where, p, "outcome = ?", q.outcome() == null ? null : q.outcome().name());
        condition(where, p, "succeeded = ?", q.succeeded());
        condition(where, p, "dead_letter = ?", q.deadLetter());
        condition(where, p, "redeliverable = ?", q.redeliverableOnly() ? Boolean.TRUE : null);
        condition(where, p, "ts >= ?", q.from() == null ? null : q.from().atOffset(ZoneOffset.UTC));
        condition(where, p, "ts < ?", q.to() == null ? null : q.to().atOffset(ZoneOffset.UTC));
        String sql = "SELECT doc FROM deliveries WHERE " + String.join(" AND ", where) + " ORDER BY seq DESC";
        return tx.inTransaction(c -> select(c, sql, p));
    }

    private static void condition(List<String> where, List<Object> params, String sql, Object value) {
        if (value != null) {
            where.add(sql);
            params.add(value);
        }
    }

    @Override
    public <V> ListPage<V> page(ListQuery query, Function<DeliveryRecord, V> view, Class<V> viewType) {
        SqlListQuery.Translation t = translator.translate(query);
        String from = " FROM deliveries WHERE " + t.where();
        return tx.inTransaction(c -> {
            if (!t.pushedDown()) {
                List<V> narrowed = select(c, "SELECT doc" + from + " ORDER BY seq DESC", t.params()).stream().map(view).toList();
                return query.apply(narrowed, PropertyReaders.forRecord(viewType));
            }
            int total;
            try (PreparedStatement ps = OrderListSql.prepare(c, "SELECT COUNT(*)" + from, t.params());
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getInt(1);
            }
            List<Object> paged = new ArrayList<>(t.params());
            paged.add(query.pageSize());
            paged.add(query.offset());
            // newest first among equal keys, as the in-memory list (seq descending) sorted stably
            String order = t.orderBy().replace("seq ASC", "seq DESC");
            List<V> items = query.offset() >= total ? List.of() : select(c, "SELECT doc" + from + " ORDER BY " + order
                    + " LIMIT ? OFFSET ?", paged).stream().map(view).toList();
            return query.page(items, total);
        });
    }

    private static List<DeliveryRecord> select(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = OrderListSql.prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<DeliveryRecord> out = new ArrayList<>();
            while (rs.next()) {
                out.add(StoreJson.read(rs.getString(1), DeliveryRecord.class));
            }
            return out;
        }
    }
}
