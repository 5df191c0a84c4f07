package io.orderhooks.engine.internal.api;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecurityAndClientsAcceptanceTest {

    final ApiTestServer api = ApiTestServer.start();
    final String admin = api.adminToken();

    @AfterEach
    void stop() {
        api.close();
    }

    String roles(String token) {
        return ApiTestServer.claims(token).get("role").toString();
    }

    @Test
    void grantedRolesAreTheUnionOfProfilesAtBuyerGroupAndUserLevel() {
        api.seedBuyer("b1", "u1", "ann", "pw", "shop", "Shopper");
        ok(api.post("/v1/buyers/b1/users", admin, "{\"ID\":\"u2\",\"Username\":\"cat\",\"Password\":\"pw\",\"Active\":true}"));
        ok(api.post("/v1/buyers/b1/usergroups", admin, "{\"ID\":\"g1\",\"Name\":\"Approvers\"}"));
        ok(api.post("/v1/buyers/b1/usergroups/assignments", admin, "{\"UserGroupID\":\"g1\",\"UserID\":\"u1\"}"));
        ok(api.post("/v1/securityprofiles", admin, "{\"ID\":\"orders\",\"Name\":\"Orders\",\"Roles\":[\"OrderAdmin\"]}"));
        ok(api.post("/v1/securityprofiles", admin, "{\"ID\":\"me\",\"Name\":\"Me\",\"Roles\":[\"MeAdmin\"],\"CustomRoles\":[\"CanSplurge\"]}"));
        ok(api.post("/v1/securityprofiles/assignments", admin, "{\"SecurityProfileID\":\"orders\",\"BuyerID\":\"b1\",\"UserGroupID\":\"g1\"}"));
        ok(api.post("/v1/securityprofiles/assignments", admin, "{\"SecurityProfileID\":\"me\",\"BuyerID\":\"b1\",\"UserID\":\"u2\"}"));
        String[] scope = {"Shopper", "OrderAdmin", "MeAdmin", "CanSplurge", "FullAccess"};

        assertThat(roles(api.login("shop", "ann", "pw", scope))).isEqualTo("[\"Shopper\",\"OrderAdmin\"]");
        assertThat(roles(api.login("shop", "cat", "pw", scope))).isEqualTo("[\"Shopper\",\"MeAdmin\",\"CanSplurge\"]");

        assertThat(api.get("/v1/securityprofiles/assignments?buyerID=b1&level=User", admin).body().at("/Items/0/UserID").asText())
                .isEqualTo("u2");
        assertThat(api.delete("/v1/securityprofiles/orders/assignments?buyerID=b1&userGroupID=g1", admin).status()).isEqualTo(204);
        assertThat(roles(api.login("shop", "ann", "pw", scope))).isEqualTo("[\"Shopper\"]");
        assertThat(api.post("/v1/securityprofiles", admin, "{\"Name\":\"Bad\",\"Roles\":[\"Wizard\"]}").errorCode())
                .isEqualTo("ValidationFailure");
        assertThat(api.post("/v1/securityprofiles/assignments", admin,
                "{\"SecurityProfileID\":\"me\",\"BuyerID\":\"b1\",\"SupplierID\":\"s1\"}").errorCode())
                .isEqualTo("PartyAssignment.CannotSpecifyBuyerAndSupplier");
    }

    @Test
    void aClientServesOnlyTheBuyersAssignedToItAndMaximumGrantedRolesCapsTokens() {
        api.seedBuyer("b1", "u1", "ann", "pw", "shop", "Shopper", "MeAdmin");
        ok(api.post("/v1/apiclients", admin, "{\"ID\":\"other\",\"AppName\":\"Other\",\"MaximumGrantedRoles\":[\"Shopper\"]}"));
        assertThat(api.token(Map.of("grant_type", "password", "client_id", "other", "username", "ann", "password", "pw",
                "scope", "Shopper")).errorCode()).isEqualTo("Auth.IncorrectPassword");
        ok(api.post("/v1/apiclients/assignments", admin, "{\"ApiClientID\":\"other\",\"BuyerID\":\"b1\"}"));
        assertThat(roles(api.login("other", "ann", "pw", "Shopper", "MeAdmin"))).isEqualTo("[\"Shopper\"]");
        assertThat(api.get("/v1/apiclients/other", admin).body().get("AssignedBuyerCount").asInt()).isEqualTo(1);
        assertThat(api.delete("/v1/buyers/b1/ApiClients/Assignments/other", admin).status()).isEqualTo(204);
        assertThat(api.token(Map.of("grant_type", "password", "client_id", "other", "username", "ann", "password", "pw",
                "scope", "Shopper")).errorCode()).isEqualTo("Auth.IncorrectPassword");
    }

    @Test
    void theClientSecretIsShownOnlyToApiClientAdmins() {
        ok(api.post("/v1/apiclients", admin, "{\"ID\":\"app\",\"AppName\":\"App\",\"ClientSecret\":\"shh\"}"));
        assertThat(api.get("/v1/apiclients/app", api.adminToken("ApiClientAdmin")).body().get("ClientSecret").asText()).isEqualTo("shh");
        assertThat(api.get("/v1/apiclients/app", api.adminToken("ApiClientReader")).body().get("ClientSecret").isNull()).isTrue();
        assertThat(api.delete("/v1/apiclients/admin-client", admin).errorCode()).isEqualTo("ApiClient.CannotDeleteLastFullAccess");
    }

    @Test
    void anAnonymousBuyerClientIssuesAnonTokensForItsTemplateUser() {
        api.seedBuyer("b1", "anon-template", "anon-b1", "unused-pw", "shop", "Shopper");
        ok(api.post("/v1/apiclients", admin, "{\"ID\":\"anon\",\"AppName\":\"Storefront\",\"IsAnonBuyer\":true,"
                + "\"DefaultContextUserName\":\"anon-b1\",\"AllowAnyBuyer\":true,\"RefreshTokenDuration\":60}"));
        Response token = api.token(Map.of("grant_type", "client_credentials", "client_id", "anon", "scope", "Shopper"));
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.body().get("refresh_token").isNull()).isTrue();
        var claims = ApiTestServer.claims(token.body().get("access_token").asText());
        assertThat(claims.get("anon").asBoolean()).isTrue();
        assertThat(claims.get("cmp").asText()).isEqualTo("b1");
        assertThat(claims.get("usrtype").asText()).isEqualTo("buyer");
        assertThat(api.token(Map.of("grant_type", "client_credentials", "client_id", "shop", "scope", "Shopper")).errorCode())
                .isEqualTo("Auth.InvalidClientSecret");
    }

    @Test
    void impersonationIssuesATokenForTheBuyerUserLimitedToItsRoles() {
        api.seedBuyer("b1", "u1", "ann", "pw", "shop", "Shopper");
        Response r = api.post("/v1/buyers/b1/users/u1/accesstoken", api.adminToken("BuyerImpersonation"),
                "{\"ClientID\":\"shop\",\"Roles\":[\"Shopper\",\"OrderAdmin\"]}");
        assertThat(r.status()).isEqualTo(201);
        String token = r.body().get("access_token").asText();
        assertThat(roles(token)).isEqualTo("[\"Shopper\"]");
        assertThat(api.get("/v1/me", token).body().get("Username").asText()).isEqualTo("ann");
        assertThat(api.post("/v1/buyers/b1/users/u1/accesstoken", api.adminToken("BuyerUserAdmin"),
                "{\"ClientID\":\"shop\",\"Roles\":[\"Shopper\"]}").status()).isEqualTo(403);
    }

    @Test
    void integrationEventsRefuseDuplicateIdsAndNeverEchoTheAuthHeaderValue() {
        String body = "{\"ID\":\"ie\",\"Name\":\"Checkout\",\"CustomImplementationUrl\":\"https://mw.example\",\"HashKey\":\"k\","
                + "\"CustomAuthHeaderName\":\"X-Key\",\"CustomAuthHeaderValue\":\"secret\"}";
        Response created = api.post("/v1/integrationEvents", admin, body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().has("CustomAuthHeaderValue")).isFalse();
        Response dup = api.post("/v1/integrationEvents", admin, body);
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.errorCode()).isEqualTo("IdExists");
        ok(api.patch("/v1/integrationEvents/ie", admin, "{\"Name\":\"Renamed\"}"));
        assertThat(api.engine().integrations().checkoutEndpoint(null)).isEmpty();
        assertThat(api.engine().integrations().getEvent(io.orderhooks.engine.internal.Caller.seller("a", "seller", null, "FullAccess"), "ie")
                .customAuthHeaderValue()).isEqualTo("secret");
        ok(api.patch("/v1/apiclients/admin-client", admin, "{\"OrderCheckoutIntegrationEventID\":\"ie\"}"));
        assertThat(api.get("/v1/apiclients/admin-client", admin).body().get("OrderCheckoutIntegrationEventName").asText())
                .isEqualTo("Renamed");
        assertThat(api.delete("/v1/integrationEvents/ie", admin).status()).isEqualTo(204);
    }

    @Test
    void webhooksAreStoredRedactedOnReadAndValidated() {
        Response created = api.post("/v1/webhooks", admin, "{\"ID\":\"w1\",\"Name\":\"Hook\",\"Url\":\"https://mw.example/w\","
                + "\"CustomAuthHeaderName\":\"X-Key\",\"CustomAuthHeaderValue\":\"secret\","
                + "\"WebhookRoutes\":[{\"Route\":\"v1/buyers\",\"Verb\":\"POST\"}]}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("CustomAuthHeaderValue").isNull()).isTrue();
        ok(api.patch("/v1/webhooks/w1", admin, "{\"Description\":\"d\"}"));
        assertThat(api.engine().webhooks().all().get(0).customAuthHeaderValue()).isEqualTo("secret");
        assertThat(api.post("/v1/webhooks", admin, "{\"Name\":\"No url\"}").errorCode()).isEqualTo("ValidationFailure");
        assertThat(api.post("/v1/webhooks", admin, "{\"Name\":\"Bad\",\"Url\":\"https://x\",\"WebhookRoutes\":[{\"Route\":\"v1/buyers\",\"Verb\":\"GET\"}]}")
                .errorCode()).isEqualTo("ValidationFailure");
        assertThat(api.get("/v1/webhooks?Name=Hook", admin).body().at("/Meta/TotalCount").asInt()).isEqualTo(1);
    }
}
