package io.orderhooks.engine.internal.api;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MeAcceptanceTest {

    final ApiTestServer api = ApiTestServer.start();
    final String admin = api.adminToken();

    @AfterEach
    void stop() {
        api.close();
    }

    String ann() {
        api.seedBuyer("b1", "u1", "ann", "pw", "shop", "Shopper", "MeAdmin", "MeAddressAdmin");
        return api.login("shop", "ann", "pw", "Shopper", "MeAdmin", "MeAddressAdmin");
    }

    @Test
    void meShowsTheUserWithTheTokensRolesAndBuyer() {
        String ann = ann();
        Response me = api.get("/v1/me", ann);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("ID").asText()).isEqualTo("u1");
        assertThat(me.body().get("Password").isNull()).isTrue();
        assertThat(me.body().get("AvailableRoles").toString()).isEqualTo("[\"Shopper\",\"MeAdmin\",\"MeAddressAdmin\"]");
        assertThat(me.body().at("/Buyer/ID").asText()).isEqualTo("b1");
    }

    @Test
    void patchingMeKeepsActivePasswordAndIdAndMergesXp() {
        String ann = ann();
        Response patched = api.patch("/v1/me", ann, "{\"FirstName\":\"Annie\",\"Active\":false,\"ID\":\"hack\",\"Password\":\"x\",\"xp\":{\"Size\":\"M\"}}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().get("FirstName").asText()).isEqualTo("Annie");
        assertThat(patched.body().get("ID").asText()).isEqualTo("u1");
        assertThat(patched.body().get("Active").asBoolean()).isTrue();
        assertThat(patched.body().at("/xp/Size").asText()).isEqualTo("M");
        assertThat(api.login("shop", "ann", "pw", "Shopper")).isNotBlank();
        Response put = api.put("/v1/me", ann, "{\"Username\":\"ann\",\"FirstName\":\"A\"}");
        assertThat(put.body().get("LastName").isNull()).isTrue();
        assertThat(put.body().get("xp").isNull()).isTrue();
    }

    @Test
    void myAddressesAreEditableButSharedOnesAreNot() {
        String ann = ann();
        ok(api.post("/v1/buyers/b1/addresses", admin, "{\"ID\":\"hq\",\"Street1\":\"1 Main\"}"));
        ok(api.post("/v1/buyers/b1/addresses/assignments", admin, "{\"AddressID\":\"hq\",\"IsBilling\":true}"));
        Response mine = api.post("/v1/me/addresses", ann, "{\"ID\":\"home\",\"Street1\":\"2 Side\",\"City\":\"Bergen\"}");
        assertThat(mine.status()).isEqualTo(201);
        assertThat(mine.body().get("Editable").asBoolean()).isTrue();

        Response list = api.get("/v1/me/addresses?sortBy=ID", ann);
        assertThat(list.body().at("/Meta/TotalCount").asInt()).isEqualTo(2);
        assertThat(list.body().at("/Items/0/ID").asText()).isEqualTo("home");
        assertThat(list.body().at("/Items/1/Billing").asBoolean()).isTrue();
        assertThat(list.body().at("/Items/1/Shipping").asBoolean()).isFalse();
        assertThat(list.body().at("/Items/1/Editable").asBoolean()).isFalse();

        assertThat(api.patch("/v1/me/addresses/home", ann, "{\"City\":\"Oslo\"}").body().get("Street1").asText()).isEqualTo("2 Side");
        assertThat(api.patch("/v1/me/addresses/hq", ann, "{\"City\":\"Oslo\"}").errorCode()).isEqualTo("Address.CannotEditPublic");
        assertThat(api.delete("/v1/me/addresses/hq", ann).errorCode()).isEqualTo("Address.CannotEditPublic");
        assertThat(api.get("/v1/buyers/b1/addresses/hq", admin).body().get("City").isNull()).isTrue();
        assertThat(api.delete("/v1/me/addresses/home", ann).status()).isEqualTo(204);
        assertThat(api.get("/v1/me/addresses/home", ann).status()).isEqualTo(404);
    }

    @Test
    void deletingMyTokensRevokesAccessAndRefreshTokens() {
        ann();
        Response login = api.token(java.util.Map.of("grant_type", "password", "client_id", "shop", "username", "ann",
                "password", "pw", "scope", "Shopper"));
        String access = login.body().get("access_token").asText();
        assertThat(api.delete("/v1/me/tokens", access).status()).isEqualTo(204);
        assertThat(api.get("/v1/me", access).status()).isEqualTo(401);
        assertThat(api.token(java.util.Map.of("grant_type", "refresh_token", "client_id", "shop",
                "refresh_token", login.body().get("refresh_token").asText())).errorCode()).isEqualTo("Auth.InvalidRefreshToken");
    }
}
