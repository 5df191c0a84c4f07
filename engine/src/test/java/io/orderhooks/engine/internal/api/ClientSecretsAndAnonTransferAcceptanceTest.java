package io.orderhooks.engine.internal.api;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientSecretsAndAnonTransferAcceptanceTest {

    final ApiTestServer api = ApiTestServer.start();
    final String admin = api.adminToken();

    @AfterEach
    void stop() {
        api.close();
    }

    Response clientCredentials(String clientID, String secret) {
        return api.token(Map.of("grant_type", "client_credentials", "client_id", clientID, "client_secret", secret, "scope", "Shopper"));
    }

    @Test
    void anAdditionalSecretIsShownOnceAcceptedByTheTokenEndpointUntilItExpiresOrIsDeleted() {
        api.seedBuyer("b1", "u1", "ann", "pw-ann-1", "svc", "Shopper");
        ok(api.patch("/v1/apiclients/svc", admin, json(Map.of("ClientSecret", "primary-secret", "DefaultContextUserName", "ann"))));

        Response created = api.post("/v1/apiclients/svc/secrets", admin, json(Map.of("ID", "rot1", "Name", "rotation",
                "Expiration", "2026-03-02T10:00:00Z")));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.body().get("ClientSecret").asText();
        assertThat(secret).hasSize(43);
        Response listed = api.get("/v1/apiclients/svc/secrets", admin);
        assertThat(listed.body().at("/Meta/TotalCount").asInt()).isEqualTo(1);
        assertThat(listed.body().at("/Items/0").has("ClientSecret")).isFalse();
        assertThat(api.get("/v1/apiclients/svc/secrets/rot1", admin).body().get("Name").asText()).isEqualTo("rotation");

        assertThat(clientCredentials("svc", secret).status()).isEqualTo(200);
        assertThat(clientCredentials("svc", "primary-secret").status()).isEqualTo(200);
        assertThat(clientCredentials("svc", "guess").errorCode()).isEqualTo("Auth.InvalidClientSecret");

        api.clock().advance(Duration.ofDays(1));
        assertThat(clientCredentials("svc", secret).errorCode()).isEqualTo("Auth.InvalidClientSecret");
        Response extended = api.patch("/v1/apiclients/svc/secrets/rot1", api.adminToken(), json(Map.of("Expiration", "2026-04-01T00:00:00Z")));
        assertThat(extended.status()).isEqualTo(200);
        assertThat(clientCredentials("svc", secret).status()).isEqualTo(200);

        assertThat(api.delete("/v1/apiclients/svc/secrets/rot1", api.adminToken()).status()).isEqualTo(204);
        assertThat(clientCredentials("svc", secret).errorCode()).isEqualTo("Auth.InvalidClientSecret");
        assertThat(api.get("/v1/apiclients/svc/secrets/rot1", api.adminToken()).status()).isEqualTo(404);
    }

    @Test
    void secretsRefuseAPastExpirationAnUnknownClientAndNonAdmins() {
        api.seedBuyer("b1", "u1", "ann", "pw-ann-1", "svc", "Shopper");
        Response past = api.post("/v1/apiclients/svc/secrets", admin, json(Map.of("Name", "old", "Expiration", "2026-02-01T00:00:00Z")));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.errorCode()).isEqualTo("ValidationFailure");
        assertThat(api.post("/v1/apiclients/nope/secrets", admin, json(Map.of("Name", "x"))).status()).isEqualTo(404);
        assertThat(api.get("/v1/apiclients/svc/secrets", api.adminToken("ApiClientReader")).status()).isEqualTo(403);
        assertThat(api.get("/v1/apiclients/svc/secrets", admin).body().at("/Meta/TotalCount").asInt()).isZero();
    }

    @Test
    void anonymousShoppersGetTheirOwnCartsAndSigningInTransfersOne() {
        api.seedBuyer("b1", "anon-template", "anon-b1", "unused-pw", "shop", "Shopper");
        ok(api.post("/v1/buyers/b1/users", admin, json(Map.of("ID", "u2", "Username", "bob", "Password", "pw-bob-1",
                "FirstName", "Bob", "LastName", "B", "Email", "bob@example.com", "Active", true))));
        ok(api.post("/v1/apiclients", admin, json(Map.of("ID", "anon", "AppName", "Storefront", "IsAnonBuyer", true,
                "DefaultContextUserName", "anon-b1", "AllowAnyBuyer", true))));
        String anon1 = anonToken();
        String anon2 = anonToken();
        String cart1 = ok(api.get("/v1/cart", anon1)).body().get("ID").asText();
        String cart2 = ok(api.get("/v1/cart", anon2)).body().get("ID").asText();
        assertThat(cart1).isNotEqualTo(cart2);
        assertThat(api.get("/v1/orders/Outgoing/" + cart1, anon2).status()).isEqualTo(404);
        ok(api.patch("/v1/cart", anon1, json(Map.of("xp", Map.of("Basket", "one")))));

        String bob = api.login("shop", "bob", "pw-bob-1", "Shopper");
        Response transfer = api.put("/v1/me/orders?anonUserToken=" + anon1, bob, null);
        assertThat(transfer.status()).isEqualTo(204);
        Response bobsCart = api.get("/v1/cart", bob);
        assertThat(bobsCart.body().get("ID").asText()).isEqualTo(cart1);
        assertThat(bobsCart.body().get("FromUserID").asText()).isEqualTo("u2");
        assertThat(bobsCart.body().at("/FromUser/Username").asText()).isEqualTo("bob");
        assertThat(bobsCart.body().at("/xp/Basket").asText()).isEqualTo("one");
        assertThat(api.get("/v1/orders/Outgoing/" + cart2, bob).status()).isEqualTo(404);

        assertThat(api.put("/v1/me/orders?anonUserToken=" + bob, bob, null).errorCode()).isEqualTo("ValidationFailure");
        assertThat(api.put("/v1/me/orders?anonUserToken=garbage", bob, null).errorCode()).isEqualTo("ValidationFailure");
        assertThat(api.put("/v1/me/orders", bob, null).errorCode()).isEqualTo("ValidationFailure");
        assertThat(api.put("/v1/me/orders?anonUserToken=" + anon2, anon1, null).status()).isEqualTo(403);
    }

    String anonToken() {
        return ok(api.token(Map.of("grant_type", "client_credentials", "client_id", "anon", "scope", "Shopper")))
                .body().get("access_token").asText();
    }
}
