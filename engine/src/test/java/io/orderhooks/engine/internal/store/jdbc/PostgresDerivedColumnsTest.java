package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.engine.internal.orders.OrderState;
import java.math.BigDecimal;
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

/**
 * Schema V19 on PostgreSQL: {@code orders}' {@code id_lower}, {@code listed_total} and {@code xp} are plain columns
 * that the store's statements write, and after inserts (one order and a batch), cart writes with lines, a submission
 * and a change of {@code xp}, every row holds exactly what the generation expressions of V6, V17 and V7 give from its
 * other columns; rows written before V19 keep their values through the migration.
 */
class PostgresDerivedColumnsTest {

    /** The rows whose derived columns differ from their generation expressions' values. */
    private static final String DIFFERING = "SELECT id FROM orders WHERE id_lower IS DISTINCT FROM LOWER(id) "
            + "OR listed_total IS DISTINCT FROM (CASE WHEN status = 'Unsubmitted' THEN NULL ELSE total END) "
            + "OR xp IS DISTINCT FROM (" + V7__order_xp_jsonb.XP + ") ORDER BY id";

    @Test
    void theStoresWritesGiveWhatTheGenerationExpressionsGave() throws Exception {
        String url = TestPostgres.freshDatabase();
        JsonNode xp = OrderCloudJson.mapper().readTree("{\"Region\":\"EU\",\"Score\":1.50,\"Tags\":[\"a\",null,{\"n\":-2e3}],"
                + "\"Empty\":{},\"Text\":\"caf\\u00e9 \\\"quoted\\\"\"}");
        Order cart = Order.builder().id("Cart-ÄB-1").status(OrderStatus.Unsubmitted).fromCompanyID("b1").toCompanyID("seller")
                .fromUserID("u1").total(BigDecimal.ZERO).dateCreated(OffsetDateTime.parse("2024-02-01T08:00:00Z")).xp(xp).build();
        Order plain = cart.toBuilder().id("Plain-2").xp(null).build();
        Order withNul = cart.toBuilder().id("NUL-3").comments("a\u0000b").build();
        Order submitted = cart.toBuilder().id("Done-4").status(OrderStatus.Completed).total(new BigDecimal("12.5000"))
                .dateSubmitted(OffsetDateTime.parse("2024-02-01T09:00:00Z")).build();
        List<OrderState> imported = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            imported.add(OrderState.of((i == 1 ? plain : submitted).toBuilder().id("Imported-" + i).build()));
        }
        try (JdbcStore store = JdbcStores.postgresql(url, "postgres", "postgres")) {
            for (Order o : List.of(cart, plain, withNul, submitted)) {
                store.createOrder(OrderState.of(o));
            }
            store.importOrders(imported, 2);
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            assertThat(generatedColumns(c)).as("generated columns of orders").isEmpty();
            // a cart gets lines and a new total, then is submitted with a changed xp; the order with a NUL loses it
            OrderState state = OrderState.of(cart);
            for (int line = 1; line <= 3; line++) {
                List<LineItem> lines = new ArrayList<>(state.lineItems());
                lines.add(LineItem.builder().id("L" + line).productID("P" + line).quantity(line).build());
                OrderState next = state.withOrder(state.order().toBuilder().total(new BigDecimal(line + "9.95")).build())
                        .withLineItems(lines);
                assertThat(update(c, state, next)).isTrue();
                state = next;
            }
            OrderState done = state.withOrder(state.order().toBuilder().status(OrderStatus.Open)
                    .dateSubmitted(OffsetDateTime.parse("2024-02-01T08:10:00Z")).xp(OrderCloudJson.mapper().readTree("[1,2]")).build());
            assertThat(update(c, state, done)).isTrue();
            OrderState nul = OrderState.of(withNul);
            assertThat(update(c, nul, nul.withOrder(withNul.toBuilder().comments("clean").build()))).isTrue();
            assertThat(differing(c)).as("rows whose derived columns differ from the expressions'").isEmpty();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, id_lower, listed_total, "
                    + "CASE WHEN jsonb_typeof(xp) = 'object' THEN 'Region=' || (xp ->> 'Region') || ' Score=' || (xp ->> 'Score') "
                    + "ELSE xp::text END FROM orders ORDER BY id")) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getBigDecimal(3) + " " + rs.getString(4));
                }
                assertThat(rows).containsExactly(
                        "Cart-ÄB-1 cart-äb-1 39.9500000000 [1, 2]",
                        "Done-4 done-4 12.5000000000 Region=EU Score=1.50",
                        "Imported-0 imported-0 12.5000000000 Region=EU Score=1.50",
                        "Imported-1 imported-1 null null",
                        "Imported-2 imported-2 12.5000000000 Region=EU Score=1.50",
                        "NUL-3 nul-3 null Region=EU Score=1.50",
                        "Plain-2 plain-2 null null");
            }
        }
    }

    @Test
    void aDocumentWithAnEscapedNulHasNoXp() throws Exception {
        String url = TestPostgres.freshDatabase();
        Order withNul = Order.builder().id("nul").status(OrderStatus.Open).fromCompanyID("b1").toCompanyID("seller")
                .total(BigDecimal.ONE).comments("a\u0000b").xp(OrderCloudJson.mapper().readTree("{\"k\":1}")).build();
        try (JdbcStore store = JdbcStores.postgresql(url, "postgres", "postgres")) {
            store.createOrder(OrderState.of(withNul));
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT xp IS NULL, listed_total FROM orders WHERE id = 'nul'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).as("xp is SQL NULL").isTrue();
            assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("1");
            assertThat(differing(c)).isEmpty();
        }
    }

    @Test
    void rowsWrittenBeforeTheMigrationKeepTheirValues() throws Exception {
        String url = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(url, "postgres", "postgres").locations(SchemaMigration.LOCATION)
                .javaMigrations(SchemaMigration.javaMigrations()).target("17").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             PreparedStatement ps = c.prepareStatement("INSERT INTO orders (id, version, from_company, to_company, status, "
                     + "total, doc) VALUES (?, 1, 'b1', 'seller', ?, ?, ?)")) {
            assertThat(generatedColumns(c)).as("before V19").containsExactly("id_lower", "listed_total", "xp");
            String[][] rows = {{"Old-Cart", "Unsubmitted", "5"}, {"Old-Open", "Open", "7"}};
            for (String[] r : rows) {
                ps.setString(1, r[0]);
                ps.setString(2, r[1]);
                ps.setBigDecimal(3, new BigDecimal(r[2]));
                ps.setString(4, "{\"Order\":{\"ID\":\"" + r[0] + "\",\"xp\":{\"v\":" + r[2] + "}}}");
                ps.executeUpdate();
            }
        }
        JdbcStores.postgresql(url, "postgres", "postgres").close();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, id_lower, listed_total, xp::text FROM orders ORDER BY id")) {
            assertThat(generatedColumns(c)).as("after V19").isEmpty();
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getBigDecimal(3) + " " + rs.getString(4));
            }
            assertThat(rows).containsExactly("Old-Cart old-cart null {\"v\": 5}", "Old-Open old-open 7.0000000000 {\"v\": 7}");
            assertThat(differing(c)).isEmpty();
        }
    }

    private static List<String> generatedColumns(Connection c) throws Exception {
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT column_name FROM information_schema.columns "
                + "WHERE table_name = 'orders' AND is_generated = 'ALWAYS' ORDER BY column_name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static List<String> differing(Connection c) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(DIFFERING)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** Writes {@code next} over {@code before} as the store does, at the row's current version. */
    private static boolean update(Connection c, OrderState before, OrderState next) throws Exception {
        long[] row = PostgresCartUpdatesTest.seqAndVersion(c, before.order().id());
        return OrderRows.update(c, Dialect.POSTGRESQL, before, next, row[0], row[1]);
    }
}
