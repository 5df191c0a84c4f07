package io.orderhooks.engine.internal.api.sdk;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.AdminBootstrap;
import io.orderhooks.engine.internal.api.orders.CommerceFixture;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.core.json.OrderCloudJson;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The official OrderCloud JavaScript SDK (12.0.0, {@code sdk-compat/}) against the engine API on a free port:
 * the buyer flow (browse, order, estimate, ship method, calculate, pay, submit, list) and the seller flow
 * (incoming orders by xp, patch xp), and group ordering ({@code Me.CreateGroupOrderInvitation},
 * {@code Me.ListGroupOrderInvitations}, {@code GroupOrders.GetToken}, {@code Cart.*} with contributor tokens). The engine runs on the system clock because the SDK checks each token's
 * {@code exp} against real time.
 */
class SdkCompatibilityTest {

    final ApiTestServer api = ApiTestServer.start(e -> e.clock(Clock.systemUTC()).checkoutIntegration(CommerceFixture.CHECKOUT), a -> a);

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theOfficialSdkRunsTheBuyerAndSellerFlows() throws Exception {
        CommerceFixture.seed(api);
        String shopper = CommerceFixture.shopper(api);
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "web-1", "xp", Map.of("Channel", "web")))));
        ok(api.post("/v1/orders/Outgoing/web-1/lineitems", shopper, json(Map.of("ProductID", "gadget", "Quantity", 1))));
        ok(api.post("/v1/orders/Outgoing/web-1/calculate", shopper, null));
        ok(api.post("/v1/orders/Outgoing/web-1/submit", shopper, null));
        AdminBootstrap admin = AdminBootstrap.LOCAL_DEFAULTS;
        Map<String, String> env = Map.of("BASE_URL", api.baseUrl(), "CLIENT_ID", CommerceFixture.CLIENT,
                "USERNAME", CommerceFixture.USER, "PASSWORD", CommerceFixture.PASSWORD, "ADMIN_CLIENT_ID", admin.clientID(),
                "ADMIN_CLIENT_SECRET", admin.clientSecret(), "ORDER_ID", "sdk-o1");

        JsonNode buyer = run("buyer-flow.mjs", env);
        assertThat(buyer.get("products").asInt()).isEqualTo(2);
        assertThat(buyer.get("unitPrice").decimalValue()).isEqualByComparingTo("8.5");
        assertThat(buyer.get("shipping").decimalValue()).isEqualByComparingTo("9.95");
        assertThat(buyer.get("total").decimalValue()).isEqualByComparingTo("74.70");
        assertThat(buyer.get("status").asText()).isEqualTo("Open");
        assertThat(buyer.get("myOpenOrders").asInt()).isEqualTo(1);
        assertThat(buyer.get("myUnsubmittedOrders").asInt()).isZero();

        JsonNode seller = run("seller-flow.mjs", env);
        assertThat(seller.get("incomingWithSdkChannel").asInt()).isEqualTo(1);
        assertThat(seller.get("incomingOtherChannels").asInt()).isEqualTo(1);
        assertThat(seller.get("priority").asText()).isEqualTo("high");
        assertThat(seller.get("total").decimalValue()).isEqualByComparingTo("74.70");
        assertThat(seller.get("highPriority").asInt()).isEqualTo(1);
        assertThat(ok(api.get("/v1/orders/Incoming/sdk-o1", api.adminToken())).body().at("/xp/Priority").asText()).isEqualTo("high");
    }

    @Test
    void theOfficialSdkRunsTheGroupOrderStoryWithContributorTokens() throws Exception {
        CommerceFixture.seed(api);
        String expires = OffsetDateTime.now(ZoneOffset.UTC).plusHours(2).truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, String> env = Map.of("BASE_URL", api.baseUrl(), "CLIENT_ID", CommerceFixture.CLIENT,
                "USERNAME", CommerceFixture.USER, "PASSWORD", CommerceFixture.PASSWORD, "ORDER_ID", "sdk-lunch", "EXPIRES", expires);

        JsonNode story = run("group-order-flow.mjs", env);

        assertThat(story.get("invitations").asInt()).isEqualTo(2);
        assertThat(story.get("creatorLines").asInt()).isEqualTo(2);
        assertThat(story.get("annQuantity").asInt()).isEqualTo(5);
        assertThat(story.get("subtotal").decimalValue()).isEqualByComparingTo("52.50");
        assertThat(story.get("status").asText()).isEqualTo("Open");
        assertThat(story.get("hidden").asText()).isEqualTo("NotFound");
        assertThat(story.get("submitRefused").asText()).isEqualTo("Auth.InsufficientRoles");
        assertThat(story.get("late").asText()).isEqualTo("GroupOrder.CannotModifySubmittedOrder");
        JsonNode lines = ok(api.get("/v1/orders/Outgoing/sdk-lunch/lineitems", CommerceFixture.shopper(api))).body().get("Items");
        assertThat(lines.findValuesAsText("InvitationID")).hasSize(2);
    }

    private static JsonNode run(String script, Map<String, String> env) throws Exception {
        NodeScripts.Result r = NodeScripts.node(script, env, 120);
        assertThat(r.exitCode()).as(script + " failed:\n" + r.stdout() + r.stderr()).isZero();
        String[] lines = r.stdout().strip().split("\n");
        return OrderCloudJson.mapper().readTree(lines[lines.length - 1]);
    }
}
