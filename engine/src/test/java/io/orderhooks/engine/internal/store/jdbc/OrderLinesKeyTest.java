package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.store.Mutation;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.table.Table;
import org.h2.mvstore.db.MVDelegateIndex;
import org.h2.mvstore.db.MVIndex;
import org.h2.mvstore.db.MVPrimaryIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code order_lines} keyed by one number (schema version 18): on H2 a line is stored under its key in the table's
 * row map and no index of its own is written, and a line add changes two B-trees of all the tables' (the order's row
 * and the line's); the reads, updates and deletes of an order's lines are key ranges on
 * both databases; an order is refused more lines than its key range holds, with nothing written.
 */
class OrderLinesKeyTest {

    @TempDir
    Path dir;

    @Test
    void onH2ALineIsWrittenToOneBTreeAndAnOrdersLinesAreReadAsAKeyRange() throws Exception {
        String url = OlderSchema.h2(dir, "18");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
            List<Index> indexes = session.getDatabase().getSchema("PUBLIC").findTableOrView(session, "ORDER_LINES").getIndexes();
            // the row map, keyed by line_key, and the primary key's index, which is that same map (it writes nothing)
            assertThat(indexes).hasSize(2).allMatch(i -> i instanceof MVPrimaryIndex || i instanceof MVDelegateIndex);
            assertThat(indexes).filteredOn(i -> i instanceof MVDelegateIndex).singleElement()
                    .extracting(i -> i.getIndexColumns()[0].column.getName()).isEqualTo("LINE_KEY");
            String plan = plan(st, "SELECT o.doc, " + OrderLines.column(Dialect.H2) + " FROM orders o WHERE id = 'x'");
            assertThat(plan).containsPattern("PRIMARY_KEY_\\w+: LINE_KEY >= \\(O.SEQ \\* 65536\\)\\s+AND LINE_KEY <= \\(\\(O.SEQ \\* 65536\\) \\+ 65535\\)");
            assertThat(plan(st, "SELECT doc FROM order_lines WHERE line_key BETWEEN 1 AND 2 ORDER BY line_key"))
                    .containsPattern("PRIMARY_KEY_\\w+: LINE_KEY >= 1\\s+AND LINE_KEY <= 2").contains("index sorted");
            assertThat(plan(st, "DELETE FROM order_lines WHERE line_key BETWEEN 1 AND 2"))
                    .containsPattern("PRIMARY_KEY_\\w+: LINE_KEY >= 1\\s+AND LINE_KEY <= 2");
            assertThat(plan(st, "UPDATE order_lines SET doc = 'a' WHERE line_key = 3")).containsPattern("PRIMARY_KEY_\\w+: LINE_KEY =");
        }
    }

    @Test
    void onH2ALineAddWritesTheOrdersRowMapAndTheLinesRowMapOnly() throws Exception {
        try (JdbcStore store = JdbcStores.h2(dir)) {
            store.createOrder(order("o1", 2));
            OrderState before = store.order("o1").orElseThrow();
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("orderhooks"), "sa", "")) {
                SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
                Map<String, Object> roots = roots(session);
                List<LineItem> lines = new ArrayList<>(before.lineItems());
                lines.add(LineItem.builder().id("L2").productID("p").quantity(2).unitPrice(new BigDecimal("1.50")).build());
                store.withOrder("o1", s -> Mutation.commit(s.withOrder(s.order().toBuilder().total(new BigDecimal("4.50"))
                        .build()).withLineItems(lines), null));
                Map<String, Object> after = roots(session);
                assertThat(after.keySet()).isEqualTo(roots.keySet());
                // every B-tree of every table (each index's own map; a primary key on one BIGINT is the row map itself);
                // since session 13 also the connection's row of the H2 journal's marks (H2Journal), one per write transaction
                assertThat(after.keySet().stream().filter(name -> after.get(name) != roots.get(name)))
                        .containsExactlyInAnyOrder("ORDERS rows", "ORDER_LINES rows", "JOURNAL_MARKS rows");
            }
            assertThat(store.order("o1").orElseThrow().lineItems()).hasSize(3);
        }
    }

    /** The root page of each B-tree of each table in {@code PUBLIC}, by table and index name ("rows": the row map). */
    private static Map<String, Object> roots(SessionLocal session) {
        Map<String, Object> roots = new TreeMap<>();
        for (Table t : session.getDatabase().getSchema("PUBLIC").getAllTablesAndViews(session)) {
            for (Index i : t.getIndexes()) {
                if (i instanceof MVIndex<?, ?> mv && !(i instanceof MVDelegateIndex)) {
                    roots.put(t.getName() + (i instanceof MVPrimaryIndex ? " rows" : "." + i.getName()), mv.getMVMap().getRootPage());
                }
            }
        }
        return roots;
    }

    @Test
    void onPostgresAnOrdersLinesAreReadAsARangeOfTheKeysIndex() throws Exception {
        String url = TestPostgres.freshDatabase();
        try (JdbcStore store = JdbcStores.postgresql(url, "postgres", "postgres")) {
            store.createOrder(order("o1", 3));
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement st = c.createStatement()) {
            st.execute("SET enable_seqscan = off"); // the tables are tiny: ask whether the index can serve the range
            assertThat(plan(st, "SELECT o.doc, " + OrderLines.column(Dialect.POSTGRESQL) + " FROM orders o WHERE id = 'o1'"))
                    .containsPattern("Index (Only )?Scan using order_lines_pkey on order_lines l")
                    .contains("Index Cond: ((line_key >= (o.seq * 65536)) AND (line_key <= ((o.seq * 65536) + 65535)))");
        }
    }

    @Test
    void anOrderIsRefusedMoreLinesThanItsKeyRangeHoldsAndNothingIsWritten() throws Exception {
        try (JdbcStore store = JdbcStores.h2(dir)) {
            store.createOrder(order("o1", 2));
            OrderState before = store.order("o1").orElseThrow();
            assertThatThrownBy(() -> store.withOrder("o1", s -> Mutation.commit(s.withLineItems(lines(OrderState.MAX_LINE_ITEMS + 1)), null)))
                    .isInstanceOfSatisfying(OrderCloudException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.errorCode()).isEqualTo("Order.TooManyLineItems");
                    });
            assertThatThrownBy(() -> store.createOrder(order("o2", OrderState.MAX_LINE_ITEMS + 1)))
                    .isInstanceOfSatisfying(OrderCloudException.class, e -> assertThat(e.errorCode()).isEqualTo("Order.TooManyLineItems"));
            assertThat(store.order("o1")).contains(before);
            assertThat(store.order("o2")).isEmpty();
        }
        String url = "jdbc:h2:file:" + dir.resolve("orderhooks");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*), MIN(line_key) - (SELECT seq FROM orders WHERE id = 'o1') * 65536 FROM order_lines")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2);
            assertThat(rs.getLong(2)).isZero();
        }
    }

    private static String plan(Statement st, String sql) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static OrderState order(String id, int lines) {
        Order o = Order.builder().id(id).fromCompanyID("b1").toCompanyID("seller").status(OrderStatus.Unsubmitted)
                .total(new BigDecimal("1.50")).build();
        return OrderState.of(o).withLineItems(lines(lines));
    }

    private static List<LineItem> lines(int n) {
        List<LineItem> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lines.add(LineItem.builder().id("L" + i).productID("p").quantity(1).unitPrice(new BigDecimal("1.50")).build());
        }
        return lines;
    }
}
