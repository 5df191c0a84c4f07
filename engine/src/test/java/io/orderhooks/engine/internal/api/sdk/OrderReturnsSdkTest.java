package io.orderhooks.engine.internal.api.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.LineItemReturnCalculation;
import io.orderhooks.core.model.OrderReturnCalculateResponse;
import io.orderhooks.core.model.OrderReturnItem;
import io.orderhooks.engine.AdminBootstrap;
import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.engine.internal.api.orders.CommerceFixture;
import io.orderhooks.engine.internal.api.returns.ReturnFixture;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.senders.checkout.CheckoutSenderSettings;
import io.orderhooks.engine.senders.checkout.HttpCheckoutIntegration;
import io.orderhooks.engine.spi.CheckoutIntegration;
import io.orderhooks.events.CheckoutEvent;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.IntegrationEventsPlugin;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The official OrderCloud JavaScript SDK runs {@code sdk-compat/returns-flow.mjs} against the engine, whose
 * {@code OrderReturn} integration event is a middleware built with {@code integration-events} (a typed
 * {@code orderReturnCalculate} handler) served over HTTP in this JVM and called signed by the engine's HTTP sender:
 * the return is created, priced by the middleware, held by an {@code OrderReturn} approval rule, approved by a member
 * of its admin user group and completed, which records the refund on the order's payment.
 */
class OrderReturnsSdkTest {

    static final String HASH_KEY = "returns-hash-key";
    final AtomicInteger handled = new AtomicInteger();
    final IntegrationEventsDispatcher middleware = IntegrationEventsDispatcher.builder().hashKeys(HASH_KEY)
            .orderReturnCalculate(this::ninetyPercent).build();
    final Javalin app = Javalin.create(cfg -> cfg.registerPlugin(IntegrationEventsPlugin.at("/returns", middleware))).start(0);
    final CheckoutIntegration http = new HttpCheckoutIntegration(CheckoutSenderSettings.builder(new InMemoryDeliveryLog())
            .timeLimit(Duration.ofSeconds(10)).build(), io.orderhooks.engine.delivery.Transports.defaultHttpClient());
    final ApiTestServer api = ApiTestServer.start(e -> e.clock(Clock.systemUTC()).checkoutIntegration(
            call -> call.type() == CheckoutEventType.ORDER_RETURN_CALCULATE ? http.deliver(call) : CommerceFixture.CHECKOUT.deliver(call)), a -> a);

    @AfterEach
    void stop() {
        api.close();
        app.stop();
        middleware.close();
    }

    /** The middleware refunds 90% of the unit price of each returned unit (a restocking fee of 10%). */
    OrderReturnCalculateResponse ninetyPercent(CheckoutEvent event) {
        handled.incrementAndGet();
        List<LineItemReturnCalculation> calcs = event.orderReturn().itemsToReturn().stream().map(i -> {
            LineItem line = event.lineItems().stream().filter(l -> l.id().equals(i.lineItemID())).findFirst().orElseThrow();
            return new LineItemReturnCalculation(i.lineItemID(), line.unitPrice().multiply(BigDecimal.valueOf(i.quantity()))
                    .multiply(new BigDecimal("0.9")).setScale(2, RoundingMode.HALF_UP));
        }).toList();
        return OrderReturnCalculateResponse.of(calcs.stream().map(LineItemReturnCalculation::refundAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add), calcs);
    }

    @Test
    void aReturnIsCreatedPricedByTheMiddlewareApprovedByItsRuleAndRefunded() throws Exception {
        CommerceFixture.seed(api);
        ReturnFixture.submittedOrder(api, "o1");
        AdminBootstrap admin = AdminBootstrap.LOCAL_DEFAULTS;
        Map<String, String> env = Map.of("BASE_URL", api.baseUrl(), "ADMIN_CLIENT_ID", admin.clientID(),
                "ADMIN_CLIENT_SECRET", admin.clientSecret(), "SHOP_CLIENT_ID", CommerceFixture.CLIENT,
                "SHOPPER", CommerceFixture.USER, "SHOPPER_PASSWORD", CommerceFixture.PASSWORD, "ORDER_ID", "o1",
                "MIDDLEWARE_URL", "http://localhost:" + app.port() + "/returns", "HASH_KEY", HASH_KEY);

        NodeScripts.Result r = NodeScripts.node("returns-flow.mjs", env, 120);

        assertThat(r.exitCode()).as("returns-flow.mjs failed:\n" + r.stdout() + r.stderr()).isZero();
        String[] lines = r.stdout().strip().split("\n");
        JsonNode result = OrderCloudJson.mapper().readTree(lines[lines.length - 1]);
        assertThat(result.get("created").decimalValue()).isEqualByComparingTo("23.25");
        assertThat(result.get("refund").decimalValue()).isEqualByComparingTo("18.00");
        assertThat(result.get("itemRefund").decimalValue()).isEqualByComparingTo("18.00");
        assertThat(result.get("eligible").toString()).isEqualTo("[\"admin\"]");
        assertThat(result.get("approvable").toString()).isEqualTo("[\"ret1\"]");
        assertThat(result.get("approvedStatus").asText()).isEqualTo("Open");
        assertThat(result.get("approvals").toString()).isEqualTo("[\"big-returns:Approved\"]");
        assertThat(result.get("status").asText()).isEqualTo("Completed");
        assertThat(result.get("paymentIDs").toString()).isEqualTo("[\"p-o1\"]");
        assertThat(result.get("refundTx").decimalValue()).isEqualByComparingTo("18.00");
        assertThat(handled.get()).isEqualTo(1);
        assertThat(api.engine().orderReturns().get(io.orderhooks.engine.internal.Caller.seller("admin", "seller", null, "FullAccess"), "ret1")
                .itemsToReturn()).extracting(OrderReturnItem::quantity).containsExactly(2);
    }
}
