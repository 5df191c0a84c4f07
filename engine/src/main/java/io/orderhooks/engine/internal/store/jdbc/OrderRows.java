package io.orderhooks.engine.internal.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.Order;
import io.orderhooks.engine.internal.orders.OrderState;
import java.math.BigDecimal;
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
 * organization, {@code id_lower}, {@code listed_total}, and on PostgreSQL {@code xp}) and a version that every change
 * increments (what {@link OrderCache} checks; every write of {@code doc} goes through {@link #update}). Every write also
 * writes the order's {@link OrderCounts} deltas in the same transaction.
 *
 * <p>{@code id_lower}, {@code listed_total} and {@code xp} are derived: on H2 generated columns, on PostgreSQL (since
 * V19, {@link V19__order_columns_written_not_generated}) plain columns that every insert and update here writes with
 * what the generation expressions gave ({@link #PG_DERIVED}): a statement on a table with generated columns costs
 * PostgreSQL their expressions' set-up on every execution.
 */
final class OrderRows {

    static final String COLUMNS = "from_company, to_company, from_user, status, date_created, date_submitted, total, shared, doc";

    /** The guard of every update: the row is still the one read ({@code seq}) at the version read. */
    private static final String GUARD = " WHERE id = ? AND seq = ? AND version = ?";

    private static final String UPDATE_SET = "UPDATE orders SET version = version + 1, from_company = ?, to_company = ?, "
            + "from_user = ?, status = ?, date_created = ?, date_submitted = ?, total = ?, shared = ?, doc = ?";

    private static final String UPDATE = UPDATE_SET + GUARD;

    /**
     * PostgreSQL: the derived columns every insert and update writes after {@link #COLUMNS} ({@link #bindDerived});
     * {@code id_lower} only by inserts (an order's ID never changes), as {@code LOWER(id)} as V6 generated it.
     */
    private static final String PG_DERIVED = ", listed_total = ?, xp = CAST(? AS jsonb)";

    private static final String PG_INSERT = "INSERT INTO orders (id, id_lower, version, " + COLUMNS + ", listed_total, xp) "
            + "VALUES (?, LOWER(CAST(? AS VARCHAR)), 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))";

    /**
     * The update of most writes (every line add): the dates are those the row has, so they are not bound again (on
     * PostgreSQL each bound timestamp costs the driver a calendar per statement).
     */
    private static final String UPDATE_SAME_DATES_SET = "UPDATE orders SET version = version + 1, from_company = ?, "
            + "to_company = ?, from_user = ?, status = ?, total = ?, shared = ?, doc = ?";

    private static final String UPDATE_SAME_DATES = UPDATE_SAME_DATES_SET + GUARD;

    /**
     * The versions check an optimistic order statement carries while its request runs on assumed table versions
     * ({@link Transactions#guardOf}, PostgreSQL only): the {@code table_versions} rows of the tables named still sum to
     * the sum of the versions assumed for them, so the statement writes (or, {@link #isCurrent}, finds) nothing when one
     * of them changed. The sum says exactly that because a table's version only grows (every write adds one; rows are
     * never deleted) and each assumed version was read from the database: one changed row makes the sum larger. One
     * aggregate over the small table, where a join of the named pairs cost the server a hash table and a function
     * scan per statement, and the driver two arrays built per statement.
     */
    private static final String VERSIONS_CHECK =
            " AND (SELECT SUM(version) FROM table_versions WHERE tbl = ANY(CAST(? AS TEXT[]))) = CAST(? AS BIGINT)";

    private OrderRows() {
    }

    /**
     * Inserts the order's row, lines and counts; returns the row's {@code seq}. On PostgreSQL one statement (the lines
     * and counts are {@code WITH} clauses joined to the row's {@code INSERT ... RETURNING}), so that outside a
     * transaction it can run in auto-commit mode and commit by itself ({@link JdbcStore#createOrder}).
     */
    static long insert(Connection c, Dialect dialect, OrderState s) throws SQLException {
        OrderLines.requireInRange(s.lineItems());
        if (dialect == Dialect.POSTGRESQL) {
            OrderLines.Changes more = OrderLines.changes(List.of(), s.lineItems()).and(OrderCounts.clause(null, s.order()));
            try (PreparedStatement ps = c.prepareStatement("WITH u AS (" + PG_INSERT + " RETURNING id, seq)" + more.clauses()
                    + " SELECT seq FROM u")) {
                ps.setString(1, s.id());
                ps.setString(2, s.id());
                more.bind(ps, bind(ps, 3, s, true, dialect));
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
        OrderLines.insert(c, s, seq);
        OrderCounts.added(c, s.order());
        return seq;
    }

    /** Inserts {@code states} as one JDBC batch (seeding and imports); a taken ID fails the whole batch. */
    static void insertBatch(Connection c, Dialect dialect, List<OrderState> states) throws SQLException {
        boolean pg = dialect == Dialect.POSTGRESQL;
        long[] seqs = new long[states.size()];
        try (PreparedStatement ps = c.prepareStatement(pg ? PG_INSERT
                : "INSERT INTO orders (id, version, " + COLUMNS + ") VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"seq"})) {
            for (OrderState s : states) {
                ps.setString(1, s.id());
                if (pg) {
                    ps.setString(2, s.id());
                }
                bind(ps, pg ? 3 : 2, s, true, dialect);
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet keys = ps.getGeneratedKeys()) { // the rows' seq, in the batch's order
                for (int i = 0; i < seqs.length; i++) {
                    if (!keys.next()) {
                        throw new SQLException("the batch insert of " + seqs.length + " orders returned " + i + " keys");
                    }
                    seqs[i] = keys.getLong(1);
                }
            }
        }
        OrderLines.insertBatch(c, states, seqs);
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
        return update(c, dialect, before, s, seq, version, versions, OrderLines.Changes.NONE, null);
    }

    /**
     * As {@link #update(Connection, Dialect, OrderState, OrderState, long, long, java.util.Map)}, with {@code more}
     * (PostgreSQL: {@code WITH} clauses joined to {@code u}, the transaction's deferred document writes,
     * {@link DeferredWrites}) in the same statement; with {@code versionsRead} not null (PostgreSQL) the statement also
     * reads the table versions ({@link TableVersions#COLUMN}, in its snapshot) into {@code versionsRead[0]} when it
     * matched.
     */
    static boolean update(Connection c, Dialect dialect, OrderState before, OrderState s, long seq, long version,
            java.util.Map<String, Long> versions, OrderLines.Changes more, String[] versionsRead) throws SQLException {
        OrderLines.requireInRange(s.lineItems());
        OrderLines.Changes lines = dialect == Dialect.POSTGRESQL
                ? OrderLines.changes(before.lineItems(), s.lineItems()).and(OrderCounts.clause(before.order(), s.order()))
                        .and(more)
                : OrderLines.Changes.NONE;
        if (dialect != Dialect.POSTGRESQL) {
            Transactions.explicitOnH2(c); // H2: the lines and counts are statements of their own, in one transaction
        }
        boolean dates = !Objects.equals(before.order().dateCreated(), s.order().dateCreated())
                || !Objects.equals(before.order().dateSubmitted(), s.order().dateSubmitted());
        String update = (dialect != Dialect.POSTGRESQL ? (dates ? UPDATE : UPDATE_SAME_DATES)
                : (dates ? UPDATE_SET : UPDATE_SAME_DATES_SET) + PG_DERIVED + GUARD)
                + (versions == null ? "" : VERSIONS_CHECK);
        boolean reading = versionsRead != null && dialect == Dialect.POSTGRESQL;
        String sql = lines.none() ? update + (reading ? " RETURNING " + TableVersions.COLUMN : "")
                : "WITH u AS (" + update + " RETURNING id, seq)" + lines.clauses() + " SELECT 1"
                        + (reading ? ", " + TableVersions.COLUMN : "") + " FROM u";
        boolean matched;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = check(ps, guard(ps, bind(ps, 1, s, dates, dialect), s.id(), seq, version), versions);
            if (lines.none() && !reading) {
                matched = ps.executeUpdate() > 0;
            } else {
                lines.bind(ps, n);
                try (ResultSet rs = ps.executeQuery()) {
                    matched = rs.next(); // a row of u: the guarded write matched (the clauses joined to u wrote too)
                    if (matched && reading) {
                        versionsRead[0] = rs.getString(lines.none() ? 1 : 2);
                    }
                }
            }
        }
        if (!matched) {
            return false;
        }
        if (dialect != Dialect.POSTGRESQL) {
            OrderLines.update(c, seq, before.lineItems(), s.lineItems());
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
            check(ps, guard(ps, 1, orderID, seq, version), versions);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Binds {@link #VERSIONS_CHECK}'s table names (an array literal, sent untyped for the server to read as
     * {@code text[]}: table names need no quoting) and the sum of their versions from index {@code first} when
     * {@code versions} is not null (and not empty: {@link Transactions#guardOf} gives no check for no table); the next
     * index.
     */
    private static int check(PreparedStatement ps, int first, java.util.Map<String, Long> versions) throws SQLException {
        if (versions == null) {
            return first;
        }
        StringBuilder names = new StringBuilder("{");
        long sum = 0;
        for (java.util.Map.Entry<String, Long> v : versions.entrySet()) {
            names.append(names.length() > 1 ? "," : "").append(v.getKey());
            sum += v.getValue();
        }
        ps.setObject(first, names.append('}').toString(), java.sql.Types.OTHER);
        ps.setLong(first + 1, sum);
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
        OrderLines.delete(c, seq, 0);
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
        bind(ps, first, s, true, Dialect.H2);
    }

    /**
     * Binds {@link #COLUMNS} from {@code first} on ({@code dates}: with the two dates), on PostgreSQL followed by
     * {@link #PG_DERIVED}'s; returns the next index.
     */
    private static int bind(PreparedStatement ps, int first, OrderState s, boolean dates, Dialect dialect) throws SQLException {
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
        money(ps, i++, o.total(), dialect);
        ps.setBoolean(i++, Boolean.TRUE.equals(o.sharedWithOrganization()));
        String doc = OrderLines.document(s);
        ps.setString(i++, doc);
        if (dialect == Dialect.POSTGRESQL) {
            money(ps, i++, listedTotal(o), dialect);
            ps.setString(i++, xp(o, doc));
        }
        return i;
    }

    /**
     * Binds an amount (or null) of a {@code NUMERIC} column: on PostgreSQL as its decimal text, untyped (the server reads
     * it as the column's type), which the driver sends as it is, where {@code setBigDecimal} converts each amount to the
     * binary {@code numeric} form (1 % of the PostgreSQL engine's samples for the two amounts of every order write).
     */
    private static void money(PreparedStatement ps, int index, BigDecimal amount, Dialect dialect) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            ps.setObject(index, amount == null ? null : amount.toPlainString(), java.sql.Types.OTHER);
        } else {
            ps.setBigDecimal(index, amount);
        }
    }

    /**
     * {@code listed_total} (V17): the order's total, except for a cart (whose total is in no list index, so that a
     * cart's writes are HOT updates), as {@code CASE WHEN status = 'Unsubmitted' THEN NULL ELSE total END}.
     */
    static BigDecimal listedTotal(Order o) {
        boolean cart = o.status() != null && V17__cart_updates_without_index_writes.CART_STATUS.equals(OrderCounts.status(o.status()));
        return cart ? null : o.total();
    }

    /**
     * {@code xp} (V7) as the text of a {@code jsonb}: the order's {@code xp}, JSON {@code null} when it has none, SQL
     * NULL when the stored document {@code doc} holds an escaped NUL ({@code jsonb} cannot store one; such rows are
     * left to Java, {@link XpSql}): what {@link V7__order_xp_jsonb#XP} gave from the document.
     */
    static String xp(Order o, String doc) {
        if (doc.contains("\\u0000")) {
            return null;
        }
        JsonNode xp = o.xp();
        return xp == null || xp.isNull() || xp.isMissingNode() ? "null" : StoreJson.write(xp);
    }

    private static void setTime(PreparedStatement ps, int i, OffsetDateTime t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, t);
        }
    }
}
