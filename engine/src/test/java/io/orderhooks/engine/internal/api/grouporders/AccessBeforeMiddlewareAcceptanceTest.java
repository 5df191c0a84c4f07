package io.orderhooks.engine.internal.api.grouporders;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.api.orders.CommerceFixture;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Middleware only hears of requests the caller is allowed to make: pre-webhooks fire after object-level
 * authorization, and contributor tokens always belong to the invitation creator's API client, so that client's
 * pre-webhooks (e.g. a spending cap) see every contributor's change.
 */
class AccessBeforeMiddlewareAcceptanceTest {

    final LunchFixture f = new LunchFixture();

    @AfterEach
    void close() {
        f.close();
    }

    void preHookOn(String route, String verb) {
        ok(f.api.post("/v1/webhooks", f.admin, json(Map.of("ID", "pre", "Name", "Pre", "Url", "https://merchant.example/pre",
                "HashKey", "k", "BeforeProcessRequest", true, "ApiClientIDs", List.of(CommerceFixture.CLIENT),
                "WebhookRoutes", List.of(Map.of("Route", route, "Verb", verb))))));
    }

    @Test
    void anotherBuyersPatchOfALineIsRefusedBeforeAnyPreWebhookFires() {
        ok(f.api.post("/v1/orders/Outgoing/" + LunchFixture.ORDER + "/lineitems", f.manager,
                json(Map.of("ID", "L1", "ProductID", "widget", "Quantity", 1))));
        preHookOn("v1/orders/{direction}/{orderID}/lineitems/{lineItemID}", "PATCH");
        String zed = f.api.login(CommerceFixture.CLIENT, "zed", "pw-zed-1", "Shopper");

        Response refused = f.api.patch("/v1/orders/Outgoing/" + LunchFixture.ORDER + "/lineitems/L1", zed, json(Map.of("Quantity", 5)));
        LunchFixture.assertError(refused, 404, "NotFound");
        assertThat(f.preHooks).isEmpty();
        assertThat(ok(f.api.get("/v1/orders/Outgoing/" + LunchFixture.ORDER + "/lineitems/L1", f.manager)).body()
                .get("Quantity").asInt()).isEqualTo(1);

        ok(f.api.patch("/v1/orders/Outgoing/" + LunchFixture.ORDER + "/lineitems/L1", f.manager, json(Map.of("Quantity", 2))));
        assertThat(f.preHooks).hasSize(1);
    }

    @Test
    void aContributorTokenIsForTheCreatorsClientWhateverBearerAsksForIt() {
        ok(f.api.post("/v1/apiclients", f.admin, json(Map.of("ID", "clerk-app", "AppName", "Clerk", "Active", true,
                "AllowAnyBuyer", true))));
        String clerk = f.api.login("clerk-app", "colleague", "pw-colleague-1", "Shopper");
        assertThat(ApiTestServer.claims(clerk).get("cid").asText()).isEqualTo("clerk-app");
        String invitation = f.invite("Team");

        Response asked = f.api.post("/v1/grouporders/" + invitation + "/token", clerk, null);
        assertThat(asked.status()).isEqualTo(200);
        String contributor = asked.body().get("access_token").asText();
        assertThat(ApiTestServer.claims(contributor).get("cid").asText()).isEqualTo(CommerceFixture.CLIENT);
        assertThat(ApiTestServer.claims(f.contributor(invitation)).get("cid").asText()).isEqualTo(CommerceFixture.CLIENT);
    }
}
