package io.orderhooks.engine.internal.api.sdk;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.time.MutableClock;
import io.orderhooks.engine.AdminBootstrap;
import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.engine.delivery.Transports;
import io.orderhooks.engine.internal.api.auth.VerificationCodes;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.senders.webhooks.HttpWebhookSink;
import io.orderhooks.engine.senders.webhooks.WebhookSinkSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The official OrderCloud JavaScript SDK (12.0.0) runs {@code sdk-compat/accounts-flow.mjs}: an anonymous shopper
 * adds to its cart, registers and keeps the cart; a forgotten password is reset with the verification code that a
 * message sender delivered (through the engine's real HTTP webhook sink) to the script's own receiver, which checks
 * the {@code X-oc-hash}; the code cannot be reused; a second code fails once the engine's clock passed its lifetime.
 * The engine's clock starts at the real time, because the SDK checks each token's {@code exp}.
 */
class AccountsSdkTest {

    final MutableClock clock = new MutableClock(Instant.now());
    final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    final HttpWebhookSink sink = new HttpWebhookSink(WebhookSinkSettings.builder(log).clock(Clock.systemUTC()).build(),
            Transports.defaultHttpClient());
    final ApiTestServer api = ApiTestServer.start(e -> e.clock(clock).webhookSink(sink), a -> a);

    @AfterEach
    void stop() {
        api.close();
        sink.close();
    }

    @Test
    void anAnonymousShopperRegistersKeepingTheCartAndResetsAForgottenPasswordByTheMailedCode() throws Exception {
        seed();
        AdminBootstrap admin = AdminBootstrap.LOCAL_DEFAULTS;
        Map<String, String> env = Map.of("BASE_URL", api.baseUrl(), "CLIENT_ID", "storefront", "PRODUCT_ID", "P1",
                "ADMIN_CLIENT_ID", admin.clientID(), "ADMIN_CLIENT_SECRET", admin.clientSecret(), "PHASE", "main");

        JsonNode main = result(NodeScripts.node("accounts-flow.mjs", env, 120), "main");
        assertThat(main.get("user").asText()).isEqualTo("sdk-newbie");
        assertThat(main.get("unknownEmailSent").asBoolean()).isTrue();
        assertThat(main.get("signedMessages").asInt()).isEqualTo(2);

        clock.advance(VerificationCodes.LIFETIME);
        Map<String, String> expired = new java.util.HashMap<>(env);
        expired.put("PHASE", "expired");
        expired.put("CODE", main.get("pendingCode").asText());
        assertThat(result(NodeScripts.node("accounts-flow.mjs", expired, 60), "expired").get("expiredRefused").asBoolean()).isTrue();
    }

    private static JsonNode result(NodeScripts.Result r, String phase) throws Exception {
        assertThat(r.exitCode()).as("accounts-flow.mjs (" + phase + ") failed:\n" + r.stdout() + r.stderr()).isZero();
        String[] lines = r.stdout().strip().split("\n");
        return OrderCloudJson.mapper().readTree(lines[lines.length - 1]);
    }

    /** Buyer b1 with an anonymous storefront client (context user anon-b1), catalog cat with P1 at 10.00. */
    private void seed() {
        api.seedBuyer("b1", "anon-b1", "anon-b1", "pw-anon-1", "storefront", "Shopper", "MeAdmin");
        String admin = api.adminToken();
        ok(api.patch("/v1/apiclients/storefront", admin, json(Map.of("IsAnonBuyer", true, "DefaultContextUserName", "anon-b1"))));
        ok(api.post("/v1/catalogs", admin, json(Map.of("ID", "cat", "Name", "Main"))));
        ok(api.post("/v1/catalogs/assignments", admin, json(Map.of("CatalogID", "cat", "BuyerID", "b1",
                "ViewAllProducts", true, "ViewAllCategories", true))));
        ok(api.post("/v1/priceschedules", admin, json(Map.of("ID", "ps1", "Name", "Standard",
                "PriceBreaks", List.of(Map.of("Quantity", 1, "Price", 10.00))))));
        ok(api.post("/v1/products", admin, json(Map.of("ID", "P1", "Name", "Product P1", "Active", true,
                "DefaultPriceScheduleID", "ps1"))));
        ok(api.post("/v1/catalogs/productassignments", admin, json(Map.of("CatalogID", "cat", "ProductID", "P1"))));
    }
}
