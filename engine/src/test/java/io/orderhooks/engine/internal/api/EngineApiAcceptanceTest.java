package io.orderhooks.engine.internal.api;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineApiAcceptanceTest {

    final ApiTestServer api = ApiTestServer.start();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void adminCreatesABuyerAndAUserWhoLogsInWithThePasswordGrant() {
        String admin = api.adminToken();
        assertThat(ApiTestServer.claims(admin).get("usrtype").asText()).isEqualTo("admin");

        Response buyer = api.post("/v1/buyers", admin, json(Map.of("ID", "b1", "Name", "Buyer One")));
        assertThat(buyer.status()).isEqualTo(201);
        assertThat(buyer.body().get("ID").asText()).isEqualTo("b1");
        assertThat(buyer.body().get("Active").asBoolean()).isTrue();

        Response user = api.post("/v1/buyers/b1/users", admin, json(Map.of("ID", "u1", "Username", "ann",
                "Password", "s3cret-pw", "Email", "ann@example.com", "Active", true)));
        assertThat(user.status()).isEqualTo(201);
        assertThat(user.body().get("Password").isNull()).isTrue();
        assertThat(user.body().get("CompanyID").asText()).isEqualTo("b1");

        api.post("/v1/securityprofiles", admin, json(Map.of("ID", "shop", "Name", "Shoppers", "Roles", new String[] {"Shopper", "MeAdmin"})));
        assertThat(api.post("/v1/securityprofiles/assignments", admin,
                json(Map.of("SecurityProfileID", "shop", "BuyerID", "b1"))).status()).isEqualTo(204);
        assertThat(api.post("/v1/apiclients", admin, json(Map.of("ID", "shop-app", "AppName", "Shop", "AllowAnyBuyer", true)))
                .status()).isEqualTo(201);

        String token = api.login("shop-app", "ann", "s3cret-pw", "Shopper", "OrderAdmin");
        JsonNode claims = ApiTestServer.claims(token);
        assertThat(claims.get("usrtype").asText()).isEqualTo("buyer");
        assertThat(claims.get("cmp").asText()).isEqualTo("b1");
        assertThat(claims.get("uid").asText()).isEqualTo("u1");
        assertThat(claims.get("role").toString()).isEqualTo("[\"Shopper\"]");
    }

    @Test
    void wrongPasswordIsRefusedWithIncorrectPassword() {
        api.seedBuyer("b1", "u1", "ann", "pw-1", "shop-app", "Shopper");
        Response r = api.token(Map.of("grant_type", "password", "client_id", "shop-app", "username", "ann",
                "password", "nope", "scope", "Shopper"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(r.errorCode()).isEqualTo("Auth.IncorrectPassword");
    }
}
