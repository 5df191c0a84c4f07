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
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orders written by schema version 14 (lines inside the order's document) keep every line, in order and exact, after
 * the upgrade to version 15 moves them into {@code order_lines}: on H2 and on PostgreSQL; the documents no longer hold
 * them, and the moved orders take new lines as rows.
 */
class OrderLinesMigrationTest {

    @TempDir
    Path dir;

    @Test
    void linesOfAVersion14H2DataFolderBecomeRowsAndReadBackExactly() throws Exception {
        String url = OlderSchema.h2(dir, "14");
        List<OrderState> old = writeOldOrders(url, "sa", "");
        try (JdbcStore store = JdbcStores.h2(dir)) {
            checkMoved(store, url, "sa", "", old);
        }
    }

    @Test
    void linesOfAVersion14PostgresDatabaseBecomeRowsAndReadBackExactly() throws Exception {
        String url = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(url, "postgres", "postgres").locations(SchemaMigration.LOCATION)
                .javaMigrations(SchemaMigration.javaMigrations()).target("14").load().migrate();
        List<OrderState> old = writeOldOrders(url, "postgres", "postgres");
        try (JdbcStore store = JdbcStores.postgresql(url, "postgres", "postgres")) {
            checkMoved(store, url, "postgres", "postgres", old);
        }
    }

    /** Three orders as version 14 stored them (0, 3 and 25 lines, the whole state as one document). */
    private static List<OrderState> writeOldOrders(String url, String user, String password) throws Exception {
        List<OrderState> old = List.of(order("Empty", 0), order("Three", 3), order("Many", 25));
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement ps = c.prepareStatement("INSERT INTO orders (id, version, from_company, to_company, status, "
                     + "date_created, total, doc) VALUES (?, 1, 'b1', 'seller', ?, ?, ?, ?)")) {
            for (OrderState s : old) {
                ps.setString(1, s.id());
                ps.setString(2, OrderCounts.status(s.order().status()));
                ps.setObject(3, s.order().dateCreated());
                ps.setBigDecimal(4, s.order().total());
                ps.setString(5, StoreJson.write(s));
                ps.executeUpdate();
            }
        }
        return old;
    }

    private static void checkMoved(JdbcStore store, String url, String user, String password, List<OrderState> old)
            throws Exception {
        for (OrderState s : old) {
            assertThat(store.order(s.id())).contains(s);
            assertThat(store.order(s.id()).orElseThrow().lineItems()).containsExactlyElementsOf(s.lineItems());
        }
        assertThat(store.orders()).containsExactlyElementsOf(old);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM order_lines")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(28);
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM orders WHERE doc LIKE '%Line-%'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
        LineItem added = line(3);
        store.withOrder("Three", s -> {
            List<LineItem> lines = new ArrayList<>(s.lineItems());
            lines.add(added);
            return Mutation.commit(s.withLineItems(lines), null);
        });
        assertThat(store.order("Three").orElseThrow().lineItems())
                .containsExactly(line(0), line(1), line(2), added);
    }

    /** An unsubmitted order {@code id} with {@code lines} lines (also {@link OrderLinesByKeyMigrationTest}'s data). */
    static OrderState order(String id, int lines) {
        Order o = Order.builder().id(id).fromCompanyID("b1").toCompanyID("seller").status(OrderStatus.Unsubmitted)
                .dateCreated(OffsetDateTime.parse("2024-01-01T00:00:00Z")).total(new BigDecimal("10.50")).build();
        List<LineItem> items = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            items.add(line(i));
        }
        return OrderState.of(o).withLineItems(items);
    }

    static LineItem line(int i) {
        return LineItem.builder().id("Line-" + i).productID("p" + (i % 4)).quantity(i + 1)
                .unitPrice(new BigDecimal("1.50")).xp(JsonNodeFactory.instance.objectNode().put("note", "a,b \"q\" " + i))
                .build();
    }
}
