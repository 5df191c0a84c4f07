package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.store.OrderListContract;
import io.orderhooks.engine.internal.store.OrderListScope;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orders written before schema version 17 get their {@code listed_total} (their total unless they are carts) and are
 * listed by {@code Total} after the upgrade, with and without carts in the list.
 */
class CartTotalMigrationTest {

    @TempDir
    Path dir;

    @Test
    void ordersOfAnOlderSchemaAreListedByTotalWithAndWithoutCarts() throws Exception {
        String url = OlderSchema.h2(dir, "15");
        OrderStatus[] statuses = {OrderStatus.Unsubmitted, OrderStatus.Open, OrderStatus.Completed};
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             PreparedStatement ps = c.prepareStatement("INSERT INTO orders (id, version, from_company, to_company, status, "
                     + "date_created, total, doc) VALUES (?, 1, 'b1', 'seller', ?, ?, ?, ?)");
             // what an engine of that version wrote with each order: its count on each side
             PreparedStatement counts = c.prepareStatement("INSERT INTO order_counts (side, company, status, n) VALUES (?, ?, ?, 1)")) {
            for (int i = 0; i < 6; i++) {
                Order o = Order.builder().id("Old-" + i).fromCompanyID("b1").toCompanyID("seller").status(statuses[i % 3])
                        .total(new BigDecimal(10 * (6 - i) + ".25")).dateCreated(OffsetDateTime.parse("2024-01-01T00:00:00Z")).build();
                ps.setString(1, o.id());
                ps.setString(2, OrderCounts.status(o.status()));
                ps.setObject(3, o.dateCreated());
                ps.setBigDecimal(4, o.total());
                ps.setString(5, StoreJson.write(OrderState.of(o)));
                ps.executeUpdate();
                for (String[] side : new String[][] {{"F", "b1"}, {"T", "seller"}}) {
                    counts.setString(1, side[0]);
                    counts.setString(2, side[1]);
                    counts.setString(3, OrderCounts.status(o.status()));
                    counts.executeUpdate();
                }
            }
        }
        try (JdbcStore store = JdbcStores.h2(dir)) {
            OrderListScope seller = new OrderListScope("seller", OrderListScope.Side.TO, OrderListScope.DateField.CREATED, null, null);
            // totals: Old-0 60.25 (cart), Old-1 50.25, Old-2 40.25, Old-3 30.25 (cart), Old-4 20.25, Old-5 10.25
            assertThat(ids(store, seller, "Status=Open|Completed&sortBy=!Total")).containsExactly("Old-1", "Old-2", "Old-4", "Old-5");
            assertThat(ids(store, seller, "Status=!Unsubmitted&Total=>=20&sortBy=Total")).containsExactly("Old-4", "Old-2", "Old-1");
            assertThat(ids(store, seller, "sortBy=!Total")).containsExactly("Old-0", "Old-1", "Old-2", "Old-3", "Old-4", "Old-5");
            assertThat(ids(store, seller, "Status=Unsubmitted&Total=>30")).containsExactly("Old-0", "Old-3");
        }
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, listed_total FROM orders ORDER BY id")) {
            List<String> listed = new ArrayList<>();
            while (rs.next()) {
                listed.add(rs.getString(1) + "=" + (rs.getBigDecimal(2) == null ? null : rs.getBigDecimal(2).stripTrailingZeros().toPlainString()));
            }
            assertThat(listed).containsExactly("Old-0=null", "Old-1=50.25", "Old-2=40.25", "Old-3=null", "Old-4=20.25", "Old-5=10.25");
        }
    }

    private static List<String> ids(JdbcStore store, OrderListScope scope, String query) {
        ListQuery q = ListQuery.parse(OrderListContract.params(query), OrderListContract.SCHEMA);
        return store.listOrders(scope, q).items().stream().map(Order::id).toList();
    }
}
