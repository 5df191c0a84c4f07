package io.orderhooks.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.engine.internal.orders.Direction;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.engine.senders.checkout.CheckoutSenderSettings;
import io.orderhooks.engine.senders.checkout.InProcessCheckoutIntegration;
import io.orderhooks.examples.merchant.MerchantPlugins;
import io.orderhooks.engine.internal.store.internal.InMemoryStore;
import io.orderhooks.engine.internal.store.jdbc.JdbcStore;
import io.orderhooks.engine.internal.store.jdbc.JdbcStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchEngineTest {

    @TempDir
    Path outbox;

    @Test
    void runsAWholeCheckoutAgainstTheCannedMiddleware() {
        BenchEngine bench = BenchEngine.seeded(BenchEngine.cannedMiddleware());
        Order order = bench.checkout(20);
        assertThat(order.status()).isEqualTo(OrderStatus.Open);
        assertThat(order.lineItemCount()).isEqualTo(20);
        assertThat(order.shippingCost()).isEqualByComparingTo("9.95");
        assertThat(order.taxCost()).isEqualByComparingTo("12.34");
    }

    @Test
    void runsAWholeCheckoutThroughTheExampleMerchantInProcess() {
        MerchantPlugins merchant = MerchantPlugins.demo(outbox, Clock.systemUTC());
        try (IntegrationEventsDispatcher dispatcher = merchant.dispatcher(BenchMiddleware.HASH_KEY);
                InProcessCheckoutIntegration sender = new InProcessCheckoutIntegration(
                        CheckoutSenderSettings.builder(new InMemoryDeliveryLog()).build(), dispatcher)) {
            BenchEngine bench = BenchEngine.seeded(sender);
            Order order = bench.checkout(3);
            assertThat(order.status()).isEqualTo(OrderStatus.Open);
            var ws = bench.engine().checkout().worksheet(BenchEngine.BUYER, Direction.Outgoing, order.id());
            assertThat(ws.orderCalculateResponse().succeeded()).isTrue();
            assertThat(ws.orderCalculateResponse().xp().path("Tax").path("Calculator").asText()).isEqualTo("regional-tax");
            // P1 x1 12.50 -> 0.86, P2 x2 25.00 -> 1.72, P3 (food) x3 at 11.75 -> 0; GROUND 6 lb zone 1 9.60 -> 0.66
            assertThat(order.shippingCost()).isEqualByComparingTo("9.60");
            assertThat(order.taxCost()).isEqualByComparingTo("3.24");
            assertThat(Files.exists(merchant.exporter().documentOf(order.id()))).isTrue();
        }
    }

    @Test
    void givesAPostgresqlStoreAnOrderHistoryOfCheckedOutOrdersVacuumedOnce(@TempDir Path pgDir) throws Exception {
        try (EmbeddedPostgres postgres = BenchPostgres.start(pgDir)) {
            String url = Files.readString(pgDir.resolve("postgres.url"));
            try (JdbcStore store = JdbcStores.postgresql(url, "postgres", "postgres", 2)) {
                BenchEngine bench = BenchEngine.seeded(BenchEngine.cannedMiddleware(), "https://middleware.invalid/x", store);
                assertThat(bench.seedHistory(1500, 3, url, "postgres", "postgres")).isPositive();

                assertThat(store.orders()).hasSize(1501); // the template checkout and its 1,500 copies (two batches)
                var first = store.order("hist-0").orElseThrow();
                var last = store.order("hist-1499").orElseThrow();
                assertThat(first.order().status()).isEqualTo(OrderStatus.Open);
                assertThat(first.lineItems()).hasSize(3);
                assertThat(first.order().total()).isPositive().isEqualByComparingTo(last.order().total());
                assertThat(first.calculateResponse().succeeded()).isTrue();
                assertThat(first.order().dateSubmitted()).isEqualTo(last.order().dateSubmitted().minusMinutes(1499));
                // VACUUM set the visibility map and the row estimates, ANALYZE wrote the column statistics (both in the
                // catalogs at once, unlike pg_stat_user_tables, which the statistics collector fills later)
                try (var c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement();
                     var rs = st.executeQuery("SELECT relname FROM pg_class c WHERE relname IN ('orders', 'order_lines',"
                             + " 'order_counts') AND reltuples > 0 AND relallvisible > 0 AND EXISTS (SELECT 1 FROM pg_stats s"
                             + " WHERE s.tablename = c.relname) ORDER BY relname")) {
                    var vacuumed = new java.util.ArrayList<String>();
                    while (rs.next()) {
                        vacuumed.add(rs.getString(1));
                    }
                    assertThat(vacuumed).containsExactly("order_counts", "order_lines", "orders");
                }

                // a second engine on the same database finds the history there and adds none
                assertThat(bench.seedHistory(1500, 3, url, "postgres", "postgres")).isZero();
                assertThat(store.orders()).hasSize(1501);
            }
        }
    }

    @Test
    void refusesAnOrderHistoryForTheMemoryStore() throws Exception {
        BenchEngine bench = BenchEngine.seeded(BenchEngine.cannedMiddleware(), "https://middleware.invalid/x", new InMemoryStore());
        assertThatThrownBy(() -> bench.seedHistory(10, 3, null, "postgres", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("durable store");
        assertThat(bench.seedHistory(0, 3, null, "postgres", "")).isZero();
    }
}
