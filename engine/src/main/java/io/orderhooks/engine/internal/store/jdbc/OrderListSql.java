package io.orderhooks.engine.internal.store.jdbc;

import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.orderhooks.core.model.ListPage;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.query.PropertyReaders;
import io.orderhooks.engine.internal.query.internal.ValueKind;
import io.orderhooks.engine.internal.store.OrderListScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An order list in SQL: the scope (company side, date range) and the list query on the {@code orders} table's
 * indexed columns, and on PostgreSQL {@code xp.*} filters in {@code jsonb} ({@link XpSql}). When the whole query
 * maps to SQL (and, with {@code xp} filters, no row in scope is one SQL cannot decide), the database counts the
 * matches and returns only the requested page ({@code LIMIT/OFFSET}); otherwise it returns the rows the conditions
 * narrow to, in creation order, and {@link ListQuery#apply} finishes in Java (e.g. an {@code xp} sort, a filter on
 * {@code Comments} or a search on properties without a column), which gives the same result as the in-memory store
 * by construction.
 */
final class OrderListSql {

    private static final SqlColumn STATUS = SqlColumn.ofEnum("status", OrderStatus.class);

    /** The {@code Order} properties with a column of their own (see migrations V1 and V6). */
    static final Map<String, SqlColumn> COLUMNS = Map.of(
            "ID", SqlColumn.uniqueText("id", "id_lower"),
            "Status", STATUS,
            "FromCompanyID", SqlColumn.of("from_company", ValueKind.STRING),
            "ToCompanyID", SqlColumn.of("to_company", ValueKind.STRING),
            "FromUserID", SqlColumn.of("from_user", ValueKind.STRING),
            "DateCreated", SqlColumn.of("date_created", ValueKind.DATE),
            "DateSubmitted", SqlColumn.of("date_submitted", ValueKind.DATE),
            "Total", SqlColumn.of("total", ValueKind.NUMBER));

    /**
     * {@link #COLUMNS} for a list without carts: {@code Total} is {@code listed_total} (V17), which equals
     * {@code total} on every order that is not a cart and is what the list indexes hold.
     */
    static final Map<String, SqlColumn> COLUMNS_WITHOUT_CARTS = withTotal(SqlColumn.of("listed_total", ValueKind.NUMBER));

    private static final String CART_STATUS = OrderCounts.status(OrderStatus.Unsubmitted);

    /**
     * For a list that may hold carts: a filter {@code f} on {@code Total} is {@code f(total) AND (f(listed_total) OR
     * status = 'Unsubmitted')}, exactly {@code f(total)} on each row ({@code listed_total} equals {@code total} on
     * every order that is not a cart), so that the database can find the orders through the list indexes on
     * {@code listed_total} and the carts through {@code status}, and a scan decides most rows on {@code total} alone.
     */
    static final Map<String, SqlListQuery.Split> TOTAL_BY_CART_PHASE = Map.of("Total",
            new SqlListQuery.Split(COLUMNS_WITHOUT_CARTS.get("Total"), "status = '" + CART_STATUS + "'"));

    private final SqlListQuery translator;
    private final SqlListQuery withoutCarts;

    OrderListSql(Dialect dialect) {
        this.translator = new SqlListQuery(COLUMNS, dialect, dialect == Dialect.POSTGRESQL, TOTAL_BY_CART_PHASE);
        this.withoutCarts = new SqlListQuery(COLUMNS_WITHOUT_CARTS, dialect, dialect == Dialect.POSTGRESQL);
    }

    private static Map<String, SqlColumn> withTotal(SqlColumn total) {
        Map<String, SqlColumn> columns = new java.util.HashMap<>(COLUMNS);
        columns.put("Total", total);
        return Map.copyOf(columns);
    }

    /**
     * The query in SQL: on {@code listed_total} when its {@code Status} filters rule carts out (then no row it
     * selects is a cart, and the list indexes serve {@code Total}), else on {@code total}, each {@code Total} filter
     * also on {@code listed_total} for the orders that are not carts ({@link #TOTAL_BY_CART_PHASE}).
     */
    SqlListQuery.Translation translate(ListQuery query) {
        return (excludesCarts(query) ? withoutCarts : translator).translate(query);
    }

    /** Whether a {@code Status} filter of {@code query} rejects a cart's status (so no cart is in its list). */
    static boolean excludesCarts(ListQuery query) {
        for (ListQuery.Filter f : query.filters()) {
            if (f.path().equals("Status") && !f.resolved().list() && !f.matcher().matches(TextNode.valueOf(CART_STATUS))) {
                return true;
            }
        }
        return false;
    }

    ListPage<Order> list(Connection c, OrderListScope scope, ListQuery query) throws SQLException {
        List<Object> params = new ArrayList<>();
        String inScope = scope(scope, params);
        SqlListQuery.Translation t = translate(query);
        params.addAll(t.params());
        String where = " FROM orders WHERE " + inScope + " AND " + t.where();
        Integer total = t.pushedDown() ? total(c, scope, query, t, where, params) : null;
        if (total == null) {
            List<Order> narrowed = orders(c, "SELECT doc" + where + " ORDER BY seq", params);
            return query.apply(narrowed, PropertyReaders.forRecord(Order.class));
        }
        if (query.offset() >= total) {
            return query.page(List.of(), total);
        }
        List<Object> paged = new ArrayList<>();
        String sql;
        if (scope.side() == OrderListScope.Side.EITHER) {
            sql = eitherPage(scope, query, t, paged);
        } else if (scope.dateField() == OrderListScope.DateField.SUBMITTED_OR_CREATED
                && (scope.from() != null || scope.to() != null)) {
            sql = submittedOrCreatedPage(scope, query, t, paged);
        } else {
            paged.addAll(params);
            sql = OrderPageSql.page(t, where);
        }
        paged.add(query.pageSize());
        paged.add(query.offset());
        return query.page(orders(c, sql, paged), total);
    }

    /**
     * The page of a list of either side: the orders to the company, and those from it to another (or no) company,
     * each cut at the page's end in its own sort order ({@link OrderPageSql#union}), so that each side reads its
     * own indexes in order instead of merging both sides' every match before sorting.
     */
    private static String eitherPage(OrderListScope scope, ListQuery query, SqlListQuery.Translation t, List<Object> params) {
        long upTo = (long) query.offset() + query.pageSize();
        String toSide = branch("to_company = ?", List.of(scope.companyID()), scope, t, params);
        params.add(upTo);
        String fromSide = branch("from_company = ? AND (to_company IS NULL OR to_company <> ?)",
                List.of(scope.companyID(), scope.companyID()), scope, t, params);
        params.add(upTo);
        return OrderPageSql.union(t, toSide, fromSide);
    }

    /**
     * The page of one side between {@code from} and {@code to} on {@code DateSubmitted}, else {@code DateCreated}:
     * the submitted orders in the range of {@code date_submitted} (which the side's {@code date_submitted} index
     * bounds and orders), and the never submitted ones in the range of {@code date_created}, each cut at the page's
     * end. As one condition on {@code COALESCE(...)}, a sort on {@code DateSubmitted} read the side's newest orders
     * until it found the range (all of them for a range long past).
     */
    private static String submittedOrCreatedPage(OrderListScope scope, ListQuery query, SqlListQuery.Translation t,
            List<Object> params) {
        long upTo = (long) query.offset() + query.pageSize();
        String company = (scope.side() == OrderListScope.Side.FROM ? "from_company" : "to_company") + " = ?";
        params.add(scope.companyID());
        String submitted = " FROM orders WHERE " + company + bounds("date_submitted", scope, params) + " AND " + t.where();
        params.addAll(t.params());
        params.add(upTo);
        String never = branch(company + " AND date_submitted IS NULL", List.of(scope.companyID()), scope, t, params);
        params.add(upTo);
        return OrderPageSql.union(t, submitted, never);
    }

    private static String branch(String company, List<Object> companyParams, OrderListScope scope,
            SqlListQuery.Translation t, List<Object> params) {
        params.addAll(companyParams);
        String where = " FROM orders WHERE " + company + dates(scope, params) + " AND " + t.where();
        params.addAll(t.params());
        return where;
    }

    /** Whether the database answers {@code query} over {@code scope} alone (count, sort and page), as of now. */
    boolean answersInSql(Connection c, OrderListScope scope, ListQuery query) throws SQLException {
        List<Object> params = new ArrayList<>();
        String inScope = scope(scope, params);
        SqlListQuery.Translation t = translate(query);
        params.addAll(t.params());
        String where = " FROM orders WHERE " + inScope + " AND " + t.where();
        return t.pushedDown() && total(c, scope, query, t, where, params) != null;
    }

    /**
     * {@code Meta.TotalCount} of a query the translation answers whole, or null when a row in scope is one its
     * {@code xp} conditions cannot decide (one pass counts both).
     */
    private static Integer total(Connection c, OrderListScope scope, ListQuery query, SqlListQuery.Translation t,
            String where, List<Object> params) throws SQLException {
        if (t.undecided() == null) {
            return count(c, scope, query, where, params);
        }
        try (PreparedStatement ps = prepare(c, "SELECT COUNT(*), COUNT(CASE WHEN " + t.undecided() + " THEN 1 END)" + where,
                params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(2) > 0 ? null : rs.getInt(1);
        }
    }

    /**
     * {@code Meta.TotalCount}, exact: from {@link OrderCounts} when the list is one company side filtered by status
     * at most (a sum of a few rows however many orders match), else {@code COUNT(*)} of the condition.
     */
    private static int count(Connection c, OrderListScope scope, ListQuery query, String where, List<Object> params)
            throws SQLException {
        List<String> statuses = countedStatuses(scope, query);
        if (statuses != null) {
            return Math.toIntExact(OrderCounts.count(c, scope.side(), scope.companyID(), statuses));
        }
        try (PreparedStatement ps = prepare(c, "SELECT COUNT(*)" + where, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * The statuses (the empty string for none) whose counts add up to the list's total, or null when other
     * conditions apply: a date range, another filter or a search.
     */
    static List<String> countedStatuses(OrderListScope scope, ListQuery query) {
        if (scope.from() != null || scope.to() != null
                || query.searchText() != null || scope.companyID() == null) {
            return null;
        }
        List<String> statuses = new ArrayList<>(STATUS.closedValues());
        statuses.add(null);
        for (ListQuery.Filter f : query.filters()) {
            if (!f.path().equals("Status") || f.resolved().list()) {
                return null;
            }
            statuses.removeIf(v -> !f.matcher().matches(v == null ? MissingNode.getInstance() : TextNode.valueOf(v)));
        }
        return statuses.stream().map(v -> v == null ? "" : v).toList();
    }

    private static String scope(OrderListScope s, List<Object> params) {
        String company = switch (s.side()) {
            case FROM -> "from_company = ?";
            case TO -> "to_company = ?";
            case EITHER -> "(from_company = ? OR to_company = ?)";
        };
        params.add(s.companyID());
        if (s.side() == OrderListScope.Side.EITHER) {
            params.add(s.companyID());
        }
        return company + dates(s, params);
    }

    /**
     * The date range's conditions (each starting with {@code AND}), on {@code date_created} or on
     * {@code COALESCE(date_submitted, date_created)} (PostgreSQL has an index on that expression, V13).
     */
    private static String dates(OrderListScope s, List<Object> params) {
        return bounds(s.dateField() == OrderListScope.DateField.CREATED ? "date_created"
                : "COALESCE(date_submitted, date_created)", s, params);
    }

    /** {@code date} between the scope's {@code from} and {@code to} (each condition starting with {@code AND}). */
    private static String bounds(String date, OrderListScope s, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (s.from() != null) {
            sql.append(" AND ").append(date).append(" >= ?");
            params.add(ceilMicros(s.from()));
        }
        if (s.to() != null) {
            sql.append(" AND ").append(date).append(" <= ?");
            params.add(s.to().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        }
        return sql.toString();
    }

    private static OffsetDateTime ceilMicros(OffsetDateTime t) {
        OffsetDateTime utc = t.withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime floor = utc.truncatedTo(ChronoUnit.MICROS);
        return floor.equals(utc) ? utc : floor.plus(1, ChronoUnit.MICROS);
    }

    private static List<Order> orders(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<Order> out = new ArrayList<>();
            while (rs.next()) {
                out.add(StoreJson.read(rs.getString(1), OrderState.class).order());
            }
            return out;
        }
    }

    static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }
}
