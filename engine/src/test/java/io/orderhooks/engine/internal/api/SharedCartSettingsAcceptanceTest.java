package io.orderhooks.engine.internal.api;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedCartSettingsAcceptanceTest {

    final ApiTestServer api = ApiTestServer.start();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theAdminReadsTheDefaultsAndSavesNewSettings() {
        String admin = api.adminToken();
        Response defaults = api.get("/v1/sharedcartsettings", admin);
        assertThat(defaults.status()).isEqualTo(200);
        assertThat(defaults.body().toString())
                .isEqualTo("{\"Enabled\":true,\"HoursUntilEmptyCartPurgeDue\":4,\"WeeksUntilPurgeDue\":8,\"WeeksBeforePurgeForNotice\":1}");

        Response saved = api.put("/v1/sharedcartsettings", admin, json(Map.of("Enabled", false, "HoursUntilEmptyCartPurgeDue", 2,
                "WeeksUntilPurgeDue", 6, "WeeksBeforePurgeForNotice", 2)));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().get("Enabled").asBoolean()).isFalse();

        Response patched = api.patch("/v1/sharedcartsettings", admin, json(Map.of("Enabled", true)));
        assertThat(patched.body().toString())
                .isEqualTo("{\"Enabled\":true,\"HoursUntilEmptyCartPurgeDue\":2,\"WeeksUntilPurgeDue\":6,\"WeeksBeforePurgeForNotice\":2}");
        assertThat(api.engine().sharedCartSettings().current().weeksUntilPurgeDue()).isEqualTo(6);
    }

    @Test
    void invalidSettingsAre400AndChangeNothing() {
        String admin = api.adminToken();
        Response r = api.patch("/v1/sharedcartsettings", admin, json(Map.of("WeeksBeforePurgeForNotice", 8)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("ValidationFailure");
        assertThat(r.body().path("Errors").path(0).path("Message").asText())
                .isEqualTo("WeeksBeforePurgeForNotice (8) must be less than WeeksUntilPurgeDue (8)");
        Response zero = api.put("/v1/sharedcartsettings", admin, json(Map.of("HoursUntilEmptyCartPurgeDue", 0)));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(api.get("/v1/sharedcartsettings", admin).body().get("WeeksBeforePurgeForNotice").asInt()).isEqualTo(1);
    }

    @Test
    void buyerUsersCannotReadOrWriteSettings() {
        api.seedBuyer("b1", "u1", "ann", "pw-ann-1", "shop", "Shopper", "OrderAdmin");
        String buyer = api.login("shop", "ann", "pw-ann-1", "Shopper", "OrderAdmin");
        Response read = api.get("/v1/sharedcartsettings", buyer);
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.errorCode()).isEqualTo("Auth.UserNotAuthorizedToAdmin");
        assertThat(api.put("/v1/sharedcartsettings", buyer, json(Map.of("Enabled", false))).status()).isEqualTo(403);

        api.seedBuyer("b2", "u2", "bob", "pw-bob-1", "shop", "Shopper");
        String shopper = api.login("shop", "bob", "pw-bob-1", "Shopper");
        Response roles = api.get("/v1/sharedcartsettings", shopper);
        assertThat(roles.status()).isEqualTo(403);
        assertThat(roles.errorCode()).isEqualTo("Auth.InsufficientRoles");
        assertThat(api.engine().sharedCartSettings().current().enabled()).isTrue();
    }
}
