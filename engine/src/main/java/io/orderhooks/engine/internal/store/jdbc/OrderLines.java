package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.core.model.LineItem;
import io.orderhooks.engine.internal.orders.OrderState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code order_lines} table (schema version 15, {@link V15__order_lines_as_rows}; keyed as now since version 18,
 * {@link V18__order_lines_by_one_key}): an order's line items, one row each (the line's key, the line as a JSON
 * document), so that adding a line to an order writes one small row rather than the order's whole document again (a
 * 20-line order was written 20 times, O(n²) bytes). A line's key is one {@code BIGINT}, {@link #key}: the order row's
 * {@code seq} times {@value #SPAN} plus the line's position (from 0), so an order's lines are one range of keys in
 * position order ({@link #first} to {@link #last}), and on H2 the key is the table's row key: inserting a line writes
 * one B-tree, no second index. The order's own document ({@code orders.doc}) is stored with an empty line list; the
 * lines are read in the same statement as the order row ({@link #column}), so an order and its lines are always read
 * from one snapshot, and written in the same transaction as the order row (under its lock), so they commit together
 * or not at all. An order's {@code seq} never changes and is never reused (a deleted and re-created ID is a new row).
 */
final class OrderLines {

    /** Keys per order: an order holds at most this many lines ({@link OrderState#MAX_LINE_ITEMS}). */
    static final long SPAN = OrderState.MAX_LINE_ITEMS;

    private static final String INSERT = "INSERT INTO order_lines (line_key, doc) VALUES (?, ?)";

    /** The SQL of {@link #first} for an order row's {@code seq} column (or expression) {@code seq}. */
    private static String firstSql(String seq) {
        return seq + " * " + SPAN;
    }

    private OrderLines() {
    }

    /** The key of the line at {@code pos} of the order whose row's {@code seq} is {@code seq}. */
    static long key(long seq, int pos) {
        return seq * SPAN + pos;
    }

    /** The first key of the order of row {@code seq}. */
    static long first(long seq) {
        return seq * SPAN;
    }

    /** The last key of the order of row {@code seq}. */
    static long last(long seq) {
        return seq * SPAN + SPAN - 1;
    }

    /**
     * Refuses lines past the key range of an order (400 {@code Order.TooManyLineItems}, nothing written): the service
     * refuses the line add before ({@code LineItemService}); this is the store's own check for any other path.
     */
    static void requireInRange(List<LineItem> lines) {
        if (lines.size() > SPAN) {
            throw OrderState.tooManyLines();
        }
    }

    /**
     * A scalar subquery giving the lines of the order row aliased {@code o} as JSON array elements, comma-separated in
     * position order; SQL NULL when it has none.
     */
    static String column(Dialect dialect) {
        String range = " FROM order_lines l WHERE l.line_key BETWEEN " + firstSql("o.seq") + " AND " + firstSql("o.seq")
                + " + " + (SPAN - 1) + ")";
        return dialect == Dialect.POSTGRESQL
                ? "(SELECT string_agg(l.doc, ',' ORDER BY l.line_key)" + range
                : "(SELECT LISTAGG(l.doc, ',') WITHIN GROUP (ORDER BY l.line_key)" + range;
    }

    /** The lines of the order of row {@code seq} as {@link #column} gives them, read by a statement of their own. */
    static String select(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT doc FROM order_lines WHERE line_key BETWEEN ? AND ? ORDER BY line_key")) {
            ps.setLong(1, first(seq));
            ps.setLong(2, last(seq));
            StringBuilder lines = new StringBuilder();
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.append(lines.isEmpty() ? "" : ",").append(rs.getString(1));
                }
            }
            return lines.isEmpty() ? null : lines.toString();
        }
    }

    /** The order of {@code doc} (its document) with the lines {@code lines} ({@link #column}'s value) put back. */
    static OrderState read(String doc, String lines) {
        OrderState state = StoreJson.read(doc, OrderState.class);
        return lines == null ? state : state.withLineItems(java.util.Arrays.asList(StoreJson.read("[" + lines + "]", LineItem[].class)));
    }

    /** What {@code orders.doc} holds for {@code s}: its document without the lines. */
    static String document(OrderState s) {
        return StoreJson.write(s.lineItems().isEmpty() ? s : s.withLineItems(List.of()));
    }

    /** Inserts the lines of a new order, whose row is {@code seq}. */
    static void insert(Connection c, OrderState s, long seq) throws SQLException {
        insertBatch(c, List.of(s), new long[] {seq});
    }

    /** Inserts the lines of new orders, whose rows are {@code seqs} (in the same order), as one JDBC batch. */
    static void insertBatch(Connection c, List<OrderState> states, long[] seqs) throws SQLException {
        if (states.stream().allMatch(s -> s.lineItems().isEmpty())) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (int i = 0; i < states.size(); i++) {
                addRows(ps, seqs[i], states.get(i).lineItems(), 0);
            }
            ps.executeBatch();
        }
    }

    /**
     * Writes what changed from {@code before}'s lines to {@code after}'s: lines appended are inserted, lines replaced
     * (not the same, not equal) are updated, lines past the new end are deleted; unchanged lines are not written.
     */
    static void update(Connection c, long seq, List<LineItem> before, List<LineItem> after) throws SQLException {
        requireInRange(after);
        try (PreparedStatement ps = replaced(c, seq, after, replacedPositions(before, after))) {
            if (ps != null) {
                ps.executeBatch();
            }
        }
        if (after.size() == before.size() + 1) {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) { // a line add: one row, no batch
                ps.setLong(1, key(seq, before.size()));
                ps.setString(2, StoreJson.write(after.get(before.size())));
                ps.executeUpdate();
            }
        } else if (after.size() > before.size()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                addRows(ps, seq, after, before.size());
                ps.executeBatch();
            }
        } else if (after.size() < before.size()) {
            delete(c, seq, after.size());
        }
    }

    /**
     * The same changes as {@link #update} as data-modifying {@code WITH} clauses (PostgreSQL) to put after the clause
     * {@code u}, the order row's guarded {@code UPDATE ... RETURNING id}, so that the order and its lines are written by
     * one statement, one round trip, and the lines only when that update matched the row (each clause joins {@code u},
     * empty when it did not, and takes the order's key range from {@code u.seq}); their parameters come after
     * {@code u}'s. The clauses touch disjoint rows (replaced below
     * the common length, appended or removed past it), as they must, since they all see the statement's snapshot.
     */
    static Changes changes(List<LineItem> before, List<LineItem> after) {
        requireInRange(after);
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        StringBuilder values = new StringBuilder();
        for (int i : replacedPositions(before, after)) {
            values.append(values.isEmpty() ? "" : ", ").append("(CAST(? AS INTEGER), ?)");
            params.add(i);
            params.add(StoreJson.write(after.get(i)));
        }
        if (!values.isEmpty()) {
            clauses.add("replaced AS (UPDATE order_lines l SET doc = v.doc FROM (VALUES " + values
                    + ") v(pos, doc), u WHERE l.line_key = " + firstSql("u.seq") + " + v.pos)");
        }
        if (after.size() > before.size()) {
            StringBuilder rows = new StringBuilder();
            for (int i = before.size(); i < after.size(); i++) {
                rows.append(rows.isEmpty() ? "" : ", ").append("(CAST(? AS INTEGER), ?)");
                params.add(i);
                params.add(StoreJson.write(after.get(i)));
            }
            clauses.add("appended AS (INSERT INTO order_lines (line_key, doc) SELECT " + firstSql("u.seq")
                    + " + v.pos, v.doc FROM u, (VALUES " + rows + ") v(pos, doc))");
        } else if (after.size() < before.size()) {
            clauses.add("removed AS (DELETE FROM order_lines l USING u WHERE l.line_key BETWEEN " + firstSql("u.seq")
                    + " + ? AND " + firstSql("u.seq") + " + " + (SPAN - 1) + ")");
            params.add(after.size());
        }
        return new Changes(clauses.isEmpty() ? "" : ", " + String.join(", ", clauses), params);
    }

    /**
     * {@link #changes}: the {@code WITH} clauses to follow {@code u} (each with a leading comma; empty when the lines did
     * not change) and their parameters, in order.
     */
    record Changes(String clauses, List<Object> params) {

        static final Changes NONE = new Changes("", List.of());

        boolean none() {
            return clauses.isEmpty();
        }

        /** These clauses, then {@code more}'s (with their parameters after these). */
        Changes and(Changes more) {
            if (more.none()) {
                return this;
            }
            if (none()) {
                return more;
            }
            List<Object> all = new ArrayList<>(params);
            all.addAll(more.params());
            return new Changes(clauses + more.clauses(), all);
        }

        /** Binds the parameters from index {@code first}; returns the next index. */
        int bind(PreparedStatement ps, int first) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                if (params.get(i) instanceof Integer n) {
                    ps.setInt(first + i, n);
                } else if (params.get(i) instanceof Long n) {
                    ps.setLong(first + i, n);
                } else {
                    ps.setString(first + i, (String) params.get(i));
                }
            }
            return first + params.size();
        }
    }

    /** Deletes the lines of the order of row {@code seq} from position {@code from} on (all of them from 0). */
    static void delete(Connection c, long seq, int from) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM order_lines WHERE line_key BETWEEN ? AND ?")) {
            ps.setLong(1, key(seq, from));
            ps.setLong(2, last(seq));
            ps.executeUpdate();
        }
    }

    /** The positions below both lists' ends whose line was replaced (not the same, not equal). */
    private static List<Integer> replacedPositions(List<LineItem> before, List<LineItem> after) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
            LineItem now = after.get(i);
            if (now != before.get(i) && !now.equals(before.get(i))) {
                positions.add(i);
            }
        }
        return positions;
    }

    /** The batch of updates writing {@code after}'s lines at {@code positions}; null when there are none. */
    private static PreparedStatement replaced(Connection c, long seq, List<LineItem> after, List<Integer> positions)
            throws SQLException {
        if (positions.isEmpty()) {
            return null;
        }
        PreparedStatement ps = c.prepareStatement("UPDATE order_lines SET doc = ? WHERE line_key = ?");
        for (int i : positions) {
            ps.setString(1, StoreJson.write(after.get(i)));
            ps.setLong(2, key(seq, i));
            ps.addBatch();
        }
        return ps;
    }

    private static void addRows(PreparedStatement ps, long seq, List<LineItem> lines, int from) throws SQLException {
        requireInRange(lines);
        for (int i = from; i < lines.size(); i++) {
            ps.setLong(1, key(seq, i));
            ps.setString(2, StoreJson.write(lines.get(i)));
            ps.addBatch();
        }
    }
}
