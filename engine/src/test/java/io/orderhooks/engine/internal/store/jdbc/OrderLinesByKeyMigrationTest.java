package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.store.Mutation;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written by schema version 17 (lines keyed {@code (order_id, pos)}) keeps every order and every line, in
 * order and exact, after version 18 keys the lines by {@code seq × SPAN + pos}: on H2 and on PostgreSQL. The migrated
 * orders then take, replace and lose lines, and an order deleted and re-created under the same ID starts empty.
 */
class OrderLinesByKeyMigrationTest {

    @TempDir
    Path dir;

    @Test
    void aVersion17H2DataFolderKeepsItsOrdersAndLines() throws Exception {
        String url = OlderSchema.h2(dir, "17");
        Map<String, OrderState> old = writeVersion17Orders(url, "sa", "");
        try (JdbcStore store = JdbcStores.h2(dir)) {
            checkMigrated(store, url, "sa", "", old);
        }
    }

    @Test
    void aVersion17PostgresDatabaseKeepsItsOrdersAndLines() throws Exception {
        String url = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(url, "postgres", "postgres").locations(SchemaMigration.LOCATION)
                .javaMigrations(SchemaMigration.javaMigrations()).target("17").load().migrate();
        Map<String, OrderState> old = writeVersion17Orders(url, "postgres", "postgres");
        try (JdbcStore store = JdbcStores.postgresql(url, "postgres", "postgres")) {
            checkMigrated(store, url, "postgres", "postgres", old);
        }
    }

    /**
     * Orders as version 17 stored them (the document without lines, one {@code order_lines} row per line keyed by order
     * ID and position), their lines written in an order unlike their rows' ({@code seq}), and one order deleted first so
     * that the {@code seq} values have a gap.
     */
    private static Map<String, OrderState> writeVersion17Orders(String url, String user, String password)
            throws Exception {
        Map<String, OrderState> old = new LinkedHashMap<>();
        for (OrderState s : List.of(order("Gone", 2), order("Empty", 0), order("Three", 3), order("Many", 25),
                order("One", 1))) {
            old.put(s.id(), s);
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (id, version, from_company, to_company, "
                    + "status, date_created, total, doc) VALUES (?, 1, 'b1', 'seller', ?, ?, ?, ?)")) {
                for (OrderState s : old.values()) {
                    ps.setString(1, s.id());
                    ps.setString(2, OrderCounts.status(s.order().status()));
                    ps.setObject(3, s.order().dateCreated());
                    ps.setBigDecimal(4, s.order().total());
                    ps.setString(5, StoreJson.write(s.withLineItems(List.of())));
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO order_lines (order_id, pos, doc) VALUES (?, ?, ?)")) {
                List<OrderState> reversed = new ArrayList<>(old.values());
                java.util.Collections.reverse(reversed);
                for (OrderState s : reversed) {
                    for (int i = s.lineItems().size() - 1; i >= 0; i--) {
                        ps.setString(1, s.id());
                        ps.setInt(2, i);
                        ps.setString(3, StoreJson.write(s.lineItems().get(i)));
                        ps.executeUpdate();
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM order_lines WHERE order_id = 'Gone'");
                st.executeUpdate("DELETE FROM orders WHERE id = 'Gone'");
            }
        }
        old.remove("Gone");
        return old;
    }

    private static void checkMigrated(JdbcStore store, String url, String user, String password,
            Map<String, OrderState> old) throws Exception {
        for (OrderState s : old.values()) {
            assertThat(store.order(s.id())).contains(s);
            assertThat(store.order(s.id()).orElseThrow().lineItems()).containsExactlyElementsOf(s.lineItems());
        }
        assertThat(store.orders()).containsExactlyElementsOf(old.values());
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT o.id) FROM order_lines l JOIN orders o "
                    + "ON l.line_key BETWEEN o.seq * " + OrderLines.SPAN + " AND o.seq * " + OrderLines.SPAN + " + "
                    + (OrderLines.SPAN - 1))) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(29);
                assertThat(rs.getInt(2)).isEqualTo(3);
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM order_lines")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(29);
            }
        }
        // the migrated orders take new lines, replaced lines and fewer lines as rows of their range
        LineItem added = line(3);
        store.withOrder("Three", s -> {
            List<LineItem> lines = new ArrayList<>(s.lineItems());
            lines.add(added);
            lines.set(1, line(41));
            return Mutation.commit(s.withLineItems(lines), null);
        });
        store.withOrder("Many", s -> Mutation.commit(s.withLineItems(s.lineItems().subList(0, 2)), null));
        assertThat(store.order("Three").orElseThrow().lineItems()).containsExactly(line(0), line(41), line(2), added);
        assertThat(store.order("Many").orElseThrow().lineItems()).containsExactly(line(0), line(1));
        assertThat(store.order("One").orElseThrow().lineItems()).containsExactly(line(0));
        // an order deleted and created again under its ID is a new row: none of the old lines come back
        store.withOrder("One", s -> Mutation.delete(null));
        store.createOrder(order("One", 0));
        assertThat(store.order("One").orElseThrow().lineItems()).isEmpty();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM order_lines")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(4 + 2); // Three and Many
        }
    }

    private static OrderState order(String id, int lines) {
        return OrderLinesMigrationTest.order(id, lines);
    }

    private static LineItem line(int i) {
        return OrderLinesMigrationTest.line(i);
    }
}
