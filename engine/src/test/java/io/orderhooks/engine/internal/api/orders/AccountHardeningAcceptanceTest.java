package io.orderhooks.engine.internal.api.orders;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.internal.EngineAccounts;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Identities and token life from the security review: anonymous shoppers are distinct and never organization
 * members, tokens die with their user, and password guessing locks the account.
 */
class AccountHardeningAcceptanceTest {

    static final String ANN = CommerceFixture.USER;
    static final String PW = CommerceFixture.PASSWORD;

    ApiTestServer api;
    String admin;

    @BeforeEach
    void seed() {
        api = CommerceFixture.start();
        CommerceFixture.seed(api);
        admin = api.adminToken();
        ok(api.patch("/v1/apiclients/" + CommerceFixture.CLIENT, admin, json(Map.of("RefreshTokenDuration", 600))));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void anonymousShoppersSeeNoSharedCartsCannotEditTheContextUserAndRevokeOnlyTheirOwnTokens() {
        ok(api.post("/v1/buyers/b1/users", admin, json(Map.of("ID", "ctx", "Username", "anon-b1", "Password", "pw-ctx-1",
                "Email", "ctx@example.com", "Active", true))));
        ok(api.post("/v1/apiclients", admin, json(Map.of("ID", "anon", "AppName", "Storefront", "IsAnonBuyer", true,
                "DefaultContextUserName", "anon-b1", "AllowAnyBuyer", true))));
        String ann = login();
        ok(api.post("/v1/cart/share", ann, null));
        String anon1 = anonToken();
        String anon2 = anonToken();

        Response shared = ok(api.get("/v1/me/sharedcarts", anon1));
        assertThat(shared.body().at("/Meta/TotalCount").asInt()).isZero();
        assertThat(ok(api.get("/v1/me/sharedcarts", ann)).body().at("/Meta/TotalCount").asInt()).isEqualTo(1);

        JsonNode contextUser = ok(api.get("/v1/buyers/b1/users/ctx", admin)).body();
        Response edit = api.patch("/v1/me", anon1, json(Map.of("FirstName", "Mallory")));
        assertThat(edit.status()).isEqualTo(403);
        assertThat(edit.errorCode()).isEqualTo("Auth.UserNotAuthorizedToAdmin");
        assertThat(ok(api.get("/v1/buyers/b1/users/ctx", admin)).body()).isEqualTo(contextUser);

        assertThat(api.delete("/v1/me/tokens", anon1).status()).isEqualTo(204);
        assertThat(api.get("/v1/me", anon1).errorCode()).isEqualTo("InvalidToken");
        assertThat(api.get("/v1/me", anon2).status()).isEqualTo(200);
        assertThat(api.get("/v1/me", ann).status()).isEqualTo(200);
    }

    @Test
    void refreshAndAccessTokensStopWorkingWhenTheUserIsDeactivatedOrChangesPassword() {
        Map<String, String> deactivated = loginWithRefresh();
        ok(api.patch("/v1/buyers/b1/users/u1", admin, json(Map.of("Active", false))));
        assertThat(api.get("/v1/me", deactivated.get("access")).errorCode()).isEqualTo("InvalidToken");
        assertThat(refresh(deactivated.get("refresh")).errorCode()).isEqualTo("Auth.InvalidRefreshToken");
        ok(api.patch("/v1/buyers/b1/users/u1", admin, json(Map.of("Active", true))));
        assertThat(api.get("/v1/me", deactivated.get("access")).errorCode()).isEqualTo("InvalidToken");

        Map<String, String> beforeChange = loginWithRefresh();
        ok(api.patch("/v1/buyers/b1/users/u1", admin, json(Map.of("Password", "pw-ann-2"))));
        assertThat(api.get("/v1/me", beforeChange.get("access")).errorCode()).isEqualTo("InvalidToken");
        assertThat(refresh(beforeChange.get("refresh")).errorCode()).isEqualTo("Auth.InvalidRefreshToken");
        assertThat(api.get("/v1/me", api.login(CommerceFixture.CLIENT, ANN, "pw-ann-2", "Shopper")).status()).isEqualTo(200);
    }

    @Test
    void aDeletedUsersTokensDoNotActAsANewUserGivenTheSameId() {
        Map<String, String> old = loginWithRefresh();
        assertThat(api.delete("/v1/buyers/b1/users/u1", admin).status()).isEqualTo(204);
        ok(api.post("/v1/buyers/b1/users", admin, json(Map.of("ID", "u1", "Username", "newcomer", "Password", "pw-new-1",
                "Email", "new@example.com", "Active", true))));

        assertThat(api.get("/v1/me", old.get("access")).errorCode()).isEqualTo("InvalidToken");
        assertThat(refresh(old.get("refresh")).errorCode()).isEqualTo("Auth.InvalidRefreshToken");
        String newcomer = api.login(CommerceFixture.CLIENT, "newcomer", "pw-new-1", "Shopper");
        assertThat(ok(api.get("/v1/me", newcomer)).body().get("Username").asText()).isEqualTo("newcomer");
    }

    @Test
    void rolesWithdrawnFromTheUserEndItsTokens() {
        String ann = login();
        ok(api.post("/v1/securityprofiles", admin, json(Map.of("ID", "extra", "Name", "extra", "Roles", new String[] {"MeAdmin"}))));
        ok(api.post("/v1/securityprofiles/assignments", admin, json(Map.of("SecurityProfileID", "extra", "BuyerID", "b1", "UserID", "u1"))));
        assertThat(api.get("/v1/me", ann).status()).isEqualTo(200);
        assertThat(api.delete("/v1/securityprofiles/extra/assignments?buyerID=b1&userID=u1", admin)
                .status()).isEqualTo(204);
        assertThat(api.get("/v1/me", ann).errorCode()).isEqualTo("InvalidToken");
    }

    @Test
    void wrongPasswordsLockTheUserAfterTheLimitUntilAnAdminUnlocksIt() {
        for (int i = 1; i < EngineAccounts.DEFAULT_MAX_FAILED_LOGINS; i++) {
            assertThat(password("wrong-" + i).errorCode()).isEqualTo("Auth.IncorrectPassword");
        }
        assertThat(password(PW).status()).isEqualTo(200);
        assertThat(ok(api.get("/v1/buyers/b1/users/u1", admin)).body().get("FailedLoginAttempts").asInt()).isZero();

        for (int i = 0; i < EngineAccounts.DEFAULT_MAX_FAILED_LOGINS; i++) {
            assertThat(password("wrong-" + i).errorCode()).isEqualTo("Auth.IncorrectPassword");
        }
        assertThat(password(PW).errorCode()).isEqualTo("Auth.UserLocked");
        assertThat(ok(api.get("/v1/buyers/b1/users/u1", admin)).body().get("FailedLoginAttempts").asInt())
                .isEqualTo(EngineAccounts.DEFAULT_MAX_FAILED_LOGINS);
        Response unknown = api.token(Map.of("grant_type", "password", "client_id", CommerceFixture.CLIENT,
                "username", "nobody", "password", "x", "scope", "Shopper"));
        assertThat(unknown.errorCode()).isEqualTo("Auth.IncorrectPassword");

        assertThat(api.post("/v1/buyers/b1/users/u1/unlock", admin, null).status()).isEqualTo(204);
        assertThat(password(PW).status()).isEqualTo(200);
        Response patched = api.patch("/v1/buyers/b1/users/u1", admin, json(Map.of("FailedLoginAttempts", 99)));
        assertThat(ok(patched).body().get("FailedLoginAttempts").asInt()).isZero();
    }

    Response password(String password) {
        return api.token(Map.of("grant_type", "password", "client_id", CommerceFixture.CLIENT, "username", ANN,
                "password", password, "scope", "Shopper"));
    }

    String login() {
        return api.login(CommerceFixture.CLIENT, ANN, PW, "Shopper");
    }

    Map<String, String> loginWithRefresh() {
        JsonNode body = ok(password(PW)).body();
        assertThat(body.get("refresh_token").isTextual()).isTrue();
        return Map.of("access", body.get("access_token").asText(), "refresh", body.get("refresh_token").asText());
    }

    Response refresh(String refreshToken) {
        return api.token(Map.of("grant_type", "refresh_token", "client_id", CommerceFixture.CLIENT, "refresh_token", refreshToken));
    }

    String anonToken() {
        return ok(api.token(Map.of("grant_type", "client_credentials", "client_id", "anon", "scope", "Shopper MeAdmin")))
                .body().get("access_token").asText();
    }
}
