package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.store.OrderListContract;
import io.orderhooks.engine.internal.store.OrderListScope;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Orders written before schema version 6 are counted, flagged as shared carts and found by ID after the upgrade. */
class OrderListMigrationTest {

    @TempDir
    Path dir;

    @Test
    void ordersOfAnOlderSchemaGetTheirCountsSharedFlagsAndLowerCasedIds() throws Exception {
        String url = OlderSchema.h2(dir, "5");
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             PreparedStatement ps = c.prepareStatement("INSERT INTO orders (id, version, from_company, to_company, status, "
                     + "date_created, doc) VALUES (?, 1, 'b1', 'seller', ?, ?, ?)")) {
            for (int i = 0; i < 5; i++) {
                Order o = Order.builder().id("Old-" + i).fromCompanyID("b1").toCompanyID("seller")
                        .status(i < 3 ? OrderStatus.Unsubmitted : OrderStatus.Open).sharedWithOrganization(i % 2 == 0)
                        .dateCreated(OffsetDateTime.parse("2024-01-01T00:00:00Z")).build();
                ps.setString(1, o.id());
                ps.setString(2, OrderCounts.status(o.status()));
                ps.setObject(3, o.dateCreated());
                ps.setString(4, StoreJson.write(OrderState.of(o)));
                ps.executeUpdate();
            }
        }
        try (JdbcStore store = JdbcStores.h2(dir)) {
            assertThat(store.sharedCarts()).extracting(OrderState::id).containsExactly("Old-0", "Old-2");
            OrderListScope seller = new OrderListScope("seller", OrderListScope.Side.TO, OrderListScope.DateField.CREATED, null, null);
            assertThat(store.listOrders(seller, query("Status=Unsubmitted")).meta().totalCount()).isEqualTo(3);
            assertThat(store.listOrders(seller, query("Status=Open")).meta().totalCount()).isEqualTo(2);
            assertThat(store.listOrders(seller, query("ID=old-4")).items()).extracting(Order::id).containsExactly("Old-4");
        }
    }

    private static ListQuery query(String q) {
        return ListQuery.parse(OrderListContract.params(q), OrderListContract.SCHEMA);
    }
}
