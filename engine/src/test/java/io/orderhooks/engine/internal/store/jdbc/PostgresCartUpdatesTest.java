package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.engine.internal.orders.OrderState;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * Schema V17 on PostgreSQL: a write of a cart (its total and document change, as with each line added) changes no
 * indexed column of {@code orders}, so it is a HOT update (no index entry written), transaction after transaction on
 * the same row; submitting the order, or changing a submitted order's total, changes what the list indexes hold.
 * Counted with the backend's own statistics ({@code pg_stat_get_xact_tuples_*}), which need no wait.
 */
class PostgresCartUpdatesTest {

    @Test
    void aCartsWritesAreHotUpdatesAndItsSubmissionIsNot() throws Exception {
        String url = TestPostgres.freshDatabase();
        Order cart = Order.builder().id("cart-1").status(OrderStatus.Unsubmitted).fromCompanyID("b1").toCompanyID("seller")
                .fromUserID("u1").total(BigDecimal.ZERO).dateCreated(OffsetDateTime.parse("2024-02-01T08:00:00Z")).build();
        try (JdbcStore store = JdbcStores.postgresql(url, "postgres", "postgres")) {
            store.createOrder(OrderState.of(cart));
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            c.setAutoCommit(false);
            OrderState state = OrderState.of(cart);
            for (int line = 1; line <= 26; line++) {
                OrderState next = state.withOrder(state.order().toBuilder().total(new BigDecimal(line + "9.95")).build());
                assertThat(update(c, state, next)).as("updates, HOT updates of cart write " + line).containsExactly(1L, 1L);
                state = next;
            }
            OrderState submitted = state.withOrder(state.order().toBuilder().status(OrderStatus.Open)
                    .dateSubmitted(OffsetDateTime.parse("2024-02-01T08:10:00Z")).build());
            assertThat(update(c, state, submitted)).as("the submission").containsExactly(1L, 0L);
            OrderState adjusted = submitted.withOrder(submitted.order().toBuilder().total(new BigDecimal("12.50")).build());
            assertThat(update(c, submitted, adjusted)).as("a submitted order's new total").containsExactly(1L, 0L);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT total, listed_total FROM orders WHERE id = 'cart-1'")) {
                rs.next();
                assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("12.50");
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("12.50");
            }
            c.commit();
        }
    }

    @Test
    void ordersPagesKeepRoomForTheNextVersionOfARow() throws Exception {
        String url = TestPostgres.freshDatabase();
        JdbcStores.postgresql(url, "postgres", "postgres").close();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'orders'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("fillfactor=" + V17__cart_updates_without_index_writes.FILLFACTOR);
        }
    }

    /**
     * Writes {@code next} over {@code before} in a transaction of its own: its row updates and HOT row updates of
     * {@code orders}, as the change of the backend's not yet reported counts within the transaction (committed
     * transactions' counts stay in them until the backend reports them, at most once a second).
     */
    private static Long[] update(Connection c, OrderState before, OrderState next) throws SQLException {
        long[] row = seqAndVersion(c, before.order().id());
        long[] at = counts(c);
        assertThat(OrderRows.update(c, Dialect.POSTGRESQL, before, next, row[0], row[1])).as("the row matched its version").isTrue();
        long[] after = counts(c);
        c.commit();
        return new Long[] {after[0] - at[0], after[1] - at[1]};
    }

    private static long[] counts(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_stat_get_xact_tuples_updated(oid), "
                + "pg_stat_get_xact_tuples_hot_updated(oid) FROM pg_class WHERE relname = 'orders'")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /** The order row's {@code seq} and {@code version} (what the store's guarded update is given). */
    static long[] seqAndVersion(Connection c, String orderID) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, version FROM orders WHERE id = ?")) {
            ps.setString(1, orderID);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }
}
