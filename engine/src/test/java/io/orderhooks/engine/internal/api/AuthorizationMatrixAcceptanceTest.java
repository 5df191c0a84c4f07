package io.orderhooks.engine.internal.api;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import io.orderhooks.engine.spi.PreHookDecision;
import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.engine.spi.WebhookSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthorizationMatrixAcceptanceTest {

    final List<String> preHookCalls = new CopyOnWriteArrayList<>();
    final WebhookSink blockingSink = new WebhookSink() {
        @Override
        public PreHookDecision before(WebhookEndpoint hook, byte[] payload) {
            preHookCalls.add(hook.id());
            return new PreHookDecision(false, TextNode.valueOf("Buyers are frozen"), null);
        }

        @Override
        public void after(WebhookEndpoint hook, byte[] payload) {}
    };
    final ApiTestServer api = ApiTestServer.start(e -> e, a -> a.webhookSink(blockingSink));

    @AfterEach
    void stop() {
        api.close();
    }

    /** verb, path, body, the role that suffices, the roles the 403 names (before FullAccess). */
    record Case(String verb, String path, String body, String role, List<String> sufficient) {}

    @Test
    void eachRoleGatedRouteAdmitsItsRoleAndRefusesOthersNamingTheRoles() {
        String admin = api.adminToken();
        ApiTestServer.ok(api.post("/v1/buyers", admin, json(Map.of("ID", "b1", "Name", "B1"))));
        ApiTestServer.ok(api.post("/v1/suppliers", admin, json(Map.of("ID", "s1", "Name", "S1"))));
        List<Case> cases = List.of(
                new Case("GET", "/v1/buyers", null, "BuyerReader", List.of("BuyerReader", "BuyerAdmin")),
                new Case("PATCH", "/v1/buyers/b1", "{\"Name\":\"B one\"}", "BuyerAdmin", List.of("BuyerAdmin")),
                new Case("GET", "/v1/buyers/b1/users", null, "BuyerUserReader", List.of("BuyerUserReader", "BuyerUserAdmin")),
                new Case("POST", "/v1/buyers/b1/usergroups", "{\"ID\":\"g1\",\"Name\":\"G\"}", "UserGroupAdmin", List.of("UserGroupAdmin")),
                new Case("POST", "/v1/buyers/b1/addresses", "{\"ID\":\"a1\",\"Street1\":\"1 Main\"}", "AddressAdmin", List.of("AddressAdmin")),
                new Case("GET", "/v1/buyers/b1/spendingaccounts", null, "SpendingAccountReader",
                        List.of("SpendingAccountReader", "SpendingAccountAdmin")),
                new Case("GET", "/v1/suppliers", null, "SupplierReader", List.of("SupplierReader", "SupplierAdmin")),
                new Case("POST", "/v1/suppliers/s1/users", "{\"ID\":\"su1\",\"Username\":\"sup1\"}", "SupplierUserAdmin",
                        List.of("SupplierUserAdmin")),
                new Case("GET", "/v1/webhooks", null, "WebhookReader", List.of("WebhookReader", "WebhookAdmin")),
                new Case("POST", "/v1/integrationEvents", "{\"ID\":\"ie1\",\"Name\":\"IE\",\"CustomImplementationUrl\":"
                        + "\"https://mw.example\",\"HashKey\":\"k\"}", "IntegrationEventAdmin", List.of("IntegrationEventAdmin")),
                new Case("GET", "/v1/apiclients", null, "ApiClientReader", List.of("ApiClientReader", "ApiClientAdmin")),
                new Case("POST", "/v1/securityprofiles", "{\"ID\":\"p1\",\"Name\":\"P\",\"Roles\":[\"Shopper\"]}",
                        "SecurityProfileAdmin", List.of("SecurityProfileAdmin")),
                new Case("GET", "/v1/me", null, "MeAdmin", List.of("MeAdmin", "MeXpAdmin", "Shopper")));
        for (Case c : cases) {
            Response refused = api.send(c.verb(), c.path(), api.adminToken("OrderReader"), "application/json", c.body());
            assertThat(refused.status()).as(c.verb() + " " + c.path()).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("Auth.InsufficientRoles");
            List<String> expected = new java.util.ArrayList<>(c.sufficient());
            expected.add("FullAccess");
            assertThat(refused.body().at("/Errors/0/Data/SufficientRoles").toString())
                    .as(c.path()).isEqualTo(ApiTestServer.json(expected));
            Response admitted = api.send(c.verb(), c.path(), api.adminToken(c.role()), "application/json", c.body());
            assertThat(admitted.status()).as(c.verb() + " " + c.path() + " " + admitted.body()).isIn(200, 201);
        }
    }

    @Test
    void aTokenExpiresWithTheClockAndTheRefreshGrantRenewsIt() {
        api.seedBuyer("b1", "u1", "ann", "pw-1", "shop", "Shopper", "MeAdmin");
        Response login = api.token(Map.of("grant_type", "password", "client_id", "shop", "username", "ann",
                "password", "pw-1", "scope", "MeAdmin"));
        String access = login.body().get("access_token").asText();
        String refresh = login.body().get("refresh_token").asText();
        assertThat(login.body().get("expires_in").asLong()).isEqualTo(36_000);
        assertThat(api.get("/v1/me", access).status()).isEqualTo(200);

        api.clock().advance(Duration.ofHours(10));
        Response expired = api.get("/v1/me", access);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.errorCode()).isEqualTo("ExpiredToken");

        Response renewed = api.token(Map.of("grant_type", "refresh_token", "client_id", "shop", "refresh_token", refresh));
        assertThat(renewed.status()).isEqualTo(200);
        Response me = api.get("/v1/me", renewed.body().get("access_token").asText());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("Username").asText()).isEqualTo("ann");
        Response reused = api.token(Map.of("grant_type", "refresh_token", "client_id", "shop", "refresh_token", refresh));
        assertThat(reused.errorCode()).isEqualTo("Auth.InvalidRefreshToken");
    }

    @Test
    void aPreWebhookThatBlocksPutBuyerLeavesTheBuyerUnchanged() {
        String admin = api.adminToken();
        ApiTestServer.ok(api.post("/v1/buyers", admin, json(Map.of("ID", "b1", "Name", "Original"))));
        ApiTestServer.ok(api.post("/v1/webhooks", admin, json(Map.of("ID", "guard", "Name", "Guard", "Url",
                "https://mw.example/guard", "HashKey", "k", "BeforeProcessRequest", true, "ApiClientIDs", List.of("admin-client"),
                "WebhookRoutes", List.of(Map.of("Route", "v1/buyers/{buyerID}", "Verb", "PUT"))))));

        Response blocked = api.put("/v1/buyers/b1", admin, json(Map.of("Name", "Changed")));

        assertThat(blocked.status()).isEqualTo(400);
        assertThat(blocked.errorCode()).isEqualTo("Webhook.Blocked");
        assertThat(blocked.body().at("/Errors/0/Message").asText()).isEqualTo("Buyers are frozen");
        assertThat(preHookCalls).containsExactly("guard");
        assertThat(api.get("/v1/buyers/b1", admin).body().get("Name").asText()).isEqualTo("Original");
        assertThat(api.patch("/v1/buyers/b1", admin, "{\"Name\":\"Patched\"}").status()).isEqualTo(200);
    }
}
