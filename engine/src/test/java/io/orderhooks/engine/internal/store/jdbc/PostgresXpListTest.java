package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.store.OrderListContract;
import io.orderhooks.engine.internal.store.OrderListScope;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL an {@code xp} filter is answered in SQL (count, sort, page) while every row in scope is one the
 * {@code jsonb} condition decides, and finished in Java once a row in scope has an array on the path or a NUL in
 * its document; the pages themselves are pinned by {@code PostgresOrderListTest}.
 */
class PostgresXpListTest {

    private static final OrderListScope B1 = new OrderListScope("b1", OrderListScope.Side.FROM, OrderListScope.DateField.CREATED, null, null);
    private static final OrderListScope B2 = new OrderListScope("b2", OrderListScope.Side.FROM, OrderListScope.DateField.CREATED, null, null);

    @Test
    void xpFiltersAreAnsweredInSqlUntilARowInScopeHasAnArrayOnThePathOrANul() throws Exception {
        String url = TestPostgres.freshDatabase();
        OrderListSql sql = new OrderListSql(Dialect.POSTGRESQL);
        try (JdbcStore store = JdbcStores.postgresql(url, "postgres", "postgres");
             Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            store.createOrder(order("A1", "b1", "{\"Channel\":\"Web\",\"Qty\":2,\"Gift\":true}"));
            store.createOrder(order("A2", "b1", "{\"Channel\":\"phone\",\"Tags\":[\"x\"]}"));
            store.createOrder(order("B1", "b2", "{\"Channel\":[\"web\"]}"));
            assertThat(sql.answersInSql(c, B1, query("xp.Channel=web&xp.Qty=>1&xp.Gift=true"))).isTrue();
            assertThat(store.listOrders(B1, query("xp.Channel=web&xp.Qty=>1&xp.Gift=true")).items())
                    .extracting(Order::id).containsExactly("A1");
            assertThat(sql.answersInSql(c, B1, query("xp.Tags=x"))).as("an array on the path").isFalse();
            assertThat(sql.answersInSql(c, B1, query("xp.Qty=2*"))).as("a pattern on a number").isFalse();
            assertThat(sql.answersInSql(c, B2, query("xp.Channel=web"))).isFalse();
            assertThat(store.listOrders(B2, query("xp.Channel=web")).items()).extracting(Order::id).containsExactly("B1");
            store.createOrder(order("A3", "b1", "{\"Channel\":\"we\\u0000b\"}"));
            assertThat(sql.answersInSql(c, B1, query("xp.Channel=web"))).as("a NUL jsonb cannot hold").isFalse();
            assertThat(store.listOrders(B1, query("xp.Channel=web")).items()).extracting(Order::id).containsExactly("A1");
        }
    }

    private static ListQuery query(String q) {
        return ListQuery.parse(OrderListContract.params(q), OrderListContract.SCHEMA);
    }

    private static OrderState order(String id, String company, String xp) throws Exception {
        JsonNode node = OrderCloudJson.mapper().readTree(xp);
        return OrderState.of(Order.builder().id(id).fromCompanyID(company).toCompanyID("seller").status(OrderStatus.Open)
                .dateCreated(OffsetDateTime.parse("2024-01-01T00:00:00Z")).xp(node).build());
    }
}
