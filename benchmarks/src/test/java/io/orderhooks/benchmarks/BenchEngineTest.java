package io.orderhooks.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.engine.internal.orders.Direction;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.engine.senders.checkout.CheckoutSenderSettings;
import io.orderhooks.engine.senders.checkout.InProcessCheckoutIntegration;
import io.orderhooks.examples.merchant.MerchantPlugins;
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
}
