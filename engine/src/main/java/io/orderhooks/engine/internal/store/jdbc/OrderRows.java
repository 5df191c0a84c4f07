package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.Order;
import io.orderhooks.engine.internal.orders.OrderState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code orders} table: one row per order aggregate, the {@link OrderState} as a JSON document (its lines are rows
 * of {@link OrderLines}, written here too) plus real
 * columns for what is looked up, filtered and sorted (companies, user, status, dates, total, shared with the
 * organization; {@code id_lower} is generated) and a version that every change increments (what {@link OrderCache}
 * checks; every write of {@code doc} goes through {@link #update}). Every write also writes
 * the order's {@link OrderCounts} deltas in the same transaction.
 */
final class OrderRows {

    static final String COLUMNS = "from_company, to_company, from_user, status, date_created, date_submitted, total, shared, doc";

    /** The guard of every update: the row is still the one read ({@code seq}) at the version read. */
    private static final String GUARD = " WHERE id = ? AND seq = ? AND version = ?";

    private static final String UPDATE = "UPDATE orders SET version = version + 1, from_company = ?, to_company = ?, "
            + "from_user = ?, status = ?, date_created = ?, date_submitted = ?, total = ?, shared = ?, doc = ?" + GUARD;

    /**
     * The update of most writes (every line add): the dates are those the row has, so they are not bound again (on
     * PostgreSQL each bound timestamp costs the driver a calendar per statement).
     */
    private static final String UPDATE_SAME_DATES = "UPDATE orders SET version = version + 1, from_company = ?, "
            + "to_company = ?, from_user = ?, status = ?, total = ?, shared = ?, doc = ?" + GUARD;

    /**
     * The versions check an optimistic order statement carries while its request runs on assumed table versions
     * ({@link Transactions#guardOf}, PostgreSQL only): no {@code table_versions} row of the tables named differs from the
     * version paired with it, so the statement writes (or, {@link #isCurrent}, finds) nothing when one of them changed.
     */
    private static final String VERSIONS_CHECK = " AND NOT EXISTS (SELECT 1 FROM table_versions t JOIN "
            + "unnest(?::text[], ?::bigint[]) AS v(tbl, version) ON t.tbl = v.tbl WHERE t.version <> v.version)";

    private OrderRows() {
    }

    /**
     * Inserts the order's row, lines and counts; returns the row's {@code seq}. On PostgreSQL one statement (the lines
     * and counts are {@code WITH} clauses joined to the row's {@code INSERT ... RETURNING}), so that outside a
     * transaction it can run in auto-commit mode and commit by itself ({@link JdbcStore#createOrder}).
     */
    static long insert(Connection c, Dialect dialect, OrderState s) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            OrderLines.Changes more = OrderLines.changes(List.of(), s.lineItems()).and(OrderCounts.clause(null, s.order()));
            try (PreparedStatement ps = c.prepareStatement("WITH u AS (INSERT INTO orders (id, version, " + COLUMNS
                    + ") VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id, seq)" + more.clauses() + " SELECT seq FROM u")) {
                ps.setString(1, s.id());
                more.bind(ps, bind(ps, 2, s, true));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
        long seq;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO orders (id, version, " + COLUMNS + ") VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"seq"})) {
            ps.setString(1, s.id());
            bind(ps, 2, s);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                seq = keys.getLong(1);
            }
        }
        OrderLines.insert(c, s);
        OrderCounts.added(c, s.order());
        return seq;
    }

    /** Inserts {@code states} as one JDBC batch (seeding and imports); a taken ID fails the whole batch. */
    static void insertBatch(Connection c, List<OrderState> states) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO orders (id, version, " + COLUMNS + ") VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (OrderState s : states) {
                ps.setString(1, s.id());
                bind(ps, 2, s);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        OrderLines.insertBatch(c, states);
        OrderCounts.addedAll(c, states.stream().map(OrderState::order).toList());
    }

    /**
     * Replaces the row of {@code before}, read as version {@code version} of row {@code seq}, by {@code s}, with the
     * lines that changed ({@link OrderLines}), if the row is still that version: on PostgreSQL in the same statement
     * (the lines' clauses join the guarded update, so they write only if it matched), on H2 (in-process, no round trips)
     * in their own, made only if the update matched. False, with nothing written, when the row is no longer that
     * version (another transaction changed or deleted it since: never under the order's lock). On PostgreSQL the
     * order's {@link OrderCounts} deltas are a {@code WITH} clause of the same statement too, so the whole write is one
     * statement (on a connection in auto-commit mode, an optimistic write, {@link Transactions#optimistic}, it commits
     * by itself); on H2 it first switches such a connection to an explicit transaction.
     */
    static boolean update(Connection c, Dialect dialect, OrderState before, OrderState s, long seq, long version)
            throws SQLException {
        return update(c, dialect, before, s, seq, version, null);
    }

    /**
     * As {@link #update(Connection, Dialect, OrderState, OrderState, long, long)}, and when {@code versions} is not null
     * (PostgreSQL) only if those tables still have those versions ({@link #VERSIONS_CHECK}), in the same statement.
     */
    static boolean update(Connection c, Dialect dialect, OrderState before, OrderState s, long seq, long version,
            java.util.Map<String, Long> versions) throws SQLException {
        OrderLines.Changes lines = dialect == Dialect.POSTGRESQL
                ? OrderLines.changes(before.lineItems(), s.lineItems()).and(OrderCounts.clause(before.order(), s.order()))
                : OrderLines.Changes.NONE;
        if (dialect != Dialect.POSTGRESQL) {
            Transactions.explicitOnH2(c); // H2: the lines and counts are statements of their own, in one transaction
        }
        boolean dates = !Objects.equals(before.order().dateCreated(), s.order().dateCreated())
                || !Objects.equals(before.order().dateSubmitted(), s.order().dateSubmitted());
        String update = (dates ? UPDATE : UPDATE_SAME_DATES) + (versions == null ? "" : VERSIONS_CHECK);
        String sql = lines.none() ? update
                : "WITH u AS (" + update + " RETURNING id)" + lines.clauses() + " SELECT COUNT(*) FROM u";
        boolean matched;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = check(c, ps, guard(ps, bind(ps, 1, s, dates), s.id(), seq, version), versions);
            if (lines.none()) {
                matched = ps.executeUpdate() > 0;
            } else {
                lines.bind(ps, n);
                try (ResultSet rs = ps.executeQuery()) {
                    matched = rs.next() && rs.getLong(1) > 0;
                }
            }
        }
        if (!matched) {
            return false;
        }
        if (dialect != Dialect.POSTGRESQL) {
            OrderLines.update(c, s.id(), before.lineItems(), s.lineItems());
            OrderCounts.changed(c, before.order(), s.order());
        }
        return true;
    }

    /**
     * Increments the version of the row read as version {@code version} of row {@code seq}, if it is still that
     * version: an order operation that wrote other tables but left the order as it was still marks the row changed
     * (what an optimistic write of the order checks, {@link JdbcStore#withOrder}). False when the row is no longer that.
     */
    static boolean touch(Connection c, String orderID, long seq, long version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE orders SET version = version + 1" + GUARD)) {
            guard(ps, 1, orderID, seq, version);
            return ps.executeUpdate() > 0;
        }
    }

    /**
     * Whether the order's row is still version {@code version} of row {@code seq} on {@code c} (an unlocked read of its
     * identity and version: what a decision that changed nothing was made from is still current).
     */
    static boolean isCurrent(Connection c, String orderID, long seq, long version) throws SQLException {
        return isCurrent(c, orderID, seq, version, null);
    }

    /** As {@link #isCurrent(Connection, String, long, long)}, and {@code versions} (if not null) current too. */
    static boolean isCurrent(Connection c, String orderID, long seq, long version, java.util.Map<String, Long> versions)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM orders" + GUARD
                + (versions == null ? "" : VERSIONS_CHECK))) {
            check(c, ps, guard(ps, 1, orderID, seq, version), versions);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Binds {@link #VERSIONS_CHECK}'s two arrays from index {@code first} when {@code versions} is not null; the next index. */
    private static int check(Connection c, PreparedStatement ps, int first, java.util.Map<String, Long> versions)
            throws SQLException {
        if (versions == null) {
            return first;
        }
        ps.setArray(first, c.createArrayOf("text", versions.keySet().toArray()));
        ps.setArray(first + 1, c.createArrayOf("bigint", versions.values().toArray()));
        return first + 2;
    }

    /** Binds {@link #GUARD}'s parameters from index {@code first}; returns the next index. */
    private static int guard(PreparedStatement ps, int first, String orderID, long seq, long version) throws SQLException {
        ps.setString(first, orderID);
        ps.setLong(first + 1, seq);
        ps.setLong(first + 2, version);
        return first + 3;
    }

    /**
     * Deletes the row of {@code before}, read as version {@code version} of row {@code seq}, with its lines and counts,
     * if it is still that version; false, with nothing deleted, when it is not (or is gone).
     */
    static boolean delete(Connection c, OrderState before, long seq, long version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM orders" + GUARD)) {
            guard(ps, 1, before.id(), seq, version);
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        OrderLines.delete(c, before.id(), 0);
        OrderCounts.removed(c, before.order());
        return true;
    }

    /**
     * The orders {@code sql} selects: its columns are an order's document and its lines ({@link OrderLines#column}),
     * the orders table aliased {@code o}.
     */
    static List<OrderState> select(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            List<OrderState> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(OrderLines.read(rs.getString(1), rs.getString(2)));
                }
            }
            return List.copyOf(out);
        }
    }

    private static void bind(PreparedStatement ps, int first, OrderState s) throws SQLException {
        bind(ps, first, s, true);
    }

    /** Binds {@link #COLUMNS} from {@code first} on ({@code dates}: with the two dates); returns the next index. */
    private static int bind(PreparedStatement ps, int first, OrderState s, boolean dates) throws SQLException {
        Order o = s.order();
        int i = first;
        ps.setString(i++, o.fromCompanyID());
        ps.setString(i++, o.toCompanyID());
        ps.setString(i++, o.fromUserID());
        ps.setString(i++, o.status() == null ? null : OrderCounts.status(o.status()));
        if (dates) {
            setTime(ps, i++, o.dateCreated());
            setTime(ps, i++, o.dateSubmitted());
        }
        ps.setBigDecimal(i++, o.total());
        ps.setBoolean(i++, Boolean.TRUE.equals(o.sharedWithOrganization()));
        ps.setString(i++, OrderLines.document(s));
        return i;
    }

    private static void setTime(PreparedStatement ps, int i, OffsetDateTime t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, t);
        }
    }
}
