package io.orderhooks.engine.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.AdminBootstrap;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No built-in admin password: with a custom admin client and no password configured, a random password is
 * generated at first start, reported once, kept only as a hash in the store, and the password grant of the
 * (confidential) admin client needs its secret.
 */
class AdminBootstrapAcceptanceTest {

    final ApiTestServer api = ApiTestServer.start(e -> e, a -> a.admin(new AdminBootstrap("ADM", "S", "admin", null)));

    @AfterEach
    void stop() {
        api.close();
    }

    Response password(String password, String secret) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "password", "client_id", "ADM",
                "username", "admin", "password", password, "scope", "FullAccess"));
        if (secret != null) {
            form.put("client_secret", secret);
        }
        return api.token(form);
    }

    @Test
    void theFormerDefaultPasswordIsRefusedAndTheGeneratedOneNeedsTheClientSecret() {
        String generated = api.api().admin().generatedPassword();
        assertThat(generated).isNotBlank().isNotEqualTo("admin-password").hasSizeGreaterThanOrEqualTo(32);
        assertThat(api.api().admin().generatedClientSecret()).isNull();

        assertThat(password("admin-password", "S").errorCode()).isEqualTo("Auth.IncorrectPassword");
        assertThat(password(generated, null).errorCode()).isEqualTo("Auth.InvalidClientSecret");
        assertThat(password(generated, "wrong").errorCode()).isEqualTo("Auth.InvalidClientSecret");
        Response ok = password(generated, "S");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ApiTestServer.claims(ok.body().get("access_token").asText()).get("role").get(0).asText())
                .isEqualTo("FullAccess");
    }

    @Test
    void aRestartOnTheSameStoreKeepsTheStoredHashAndShowsNoPasswordAgain() {
        String generated = api.api().admin().generatedPassword();
        String storedHash = api.engine().context().store().table(io.orderhooks.engine.internal.store.Tables.USERS)
                .list().stream().filter(u -> u.username().equals("admin")).findFirst().orElseThrow().password();
        assertThat(storedHash).startsWith("pbkdf2-sha256$").doesNotContain(generated);

        AdminBootstrap.InForce again = EngineApi.builder(api.engine()).admin(new AdminBootstrap("ADM", "S", "admin", null))
                .build().admin();
        assertThat(again.generatedPassword()).isNull();
        assertThat(again.generatedClientSecret()).isNull();
        assertThat(password(generated, "S").status()).isEqualTo(200);
    }

    @Test
    void anUnsetClientSecretIsGeneratedOnceAndThenKept() {
        AdminBootstrap unset = new AdminBootstrap("GEN", null, "owner", null);
        AdminBootstrap.InForce first = EngineApi.builder(api.engine()).admin(unset).build().admin();
        assertThat(first.generatedClientSecret()).isNotBlank().isNotEqualTo("admin-secret");
        Response token = api.token(Map.of("grant_type", "client_credentials", "client_id", "GEN",
                "client_secret", first.generatedClientSecret(), "scope", "FullAccess"));
        assertThat(token.status()).isEqualTo(200);
        AdminBootstrap.InForce second = EngineApi.builder(api.engine()).admin(unset).build().admin();
        assertThat(second.generatedClientSecret()).isNull();
        assertThat(api.token(Map.of("grant_type", "client_credentials", "client_id", "GEN",
                "client_secret", first.generatedClientSecret(), "scope", "FullAccess")).status()).isEqualTo(200);
        assertThat(AdminBootstrap.fromEnvironment(Map.of()).password()).isNull();
        assertThat(AdminBootstrap.fromEnvironment(Map.of()).usesDefaults()).isFalse();
    }
}
