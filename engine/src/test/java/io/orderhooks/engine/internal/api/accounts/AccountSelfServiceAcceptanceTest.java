package io.orderhooks.engine.internal.api.accounts;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.auth.VerificationCodes;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountSelfServiceAcceptanceTest {

    final CapturingSink sink = new CapturingSink();
    final ApiTestServer api = ApiTestServer.start(e -> e.webhookSink(sink), a -> a);
    final String admin = api.adminToken();

    @BeforeEach
    void seed() {
        api.seedBuyer("b1", "u1", "ann", "pw-ann-1", "shop", "Shopper", "MeAdmin");
        ok(api.post("/v1/buyers/b1/users", admin, json(Map.of("ID", "anon-user", "Username", "anon-b1", "FirstName", "A",
                "LastName", "Nonymous", "Email", "anon@example.com", "Active", true))));
        ok(api.patch("/v1/apiclients/shop", admin, json(Map.of("IsAnonBuyer", true, "DefaultContextUserName", "anon-b1"))));
        ok(api.post("/v1/messagesenders", admin, json(Map.of("ID", "mail", "Name", "Mail", "URL", "https://mail.example/oc",
                "SharedKey", "mail-key", "AllowAllBuyers", true, "MessageTypes", List.of("ForgottenPassword", "ForgottenUsername",
                "NewUserInvitation")))));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    String anonToken() {
        return ok(api.token(Map.of("grant_type", "client_credentials", "client_id", "shop", "scope", "Shopper MeAdmin")))
                .body().get("access_token").asText();
    }

    Response requestCode(String username, String email) {
        return api.post("/v1/password/reset", null, json(email == null ? Map.of("ClientID", "shop", "Username", username)
                : Map.of("ClientID", "shop", "Email", email, "URL", "https://shop.example/reset")));
    }

    String lastCode() {
        List<JsonNode> sent = sink.messages("ForgottenPassword");
        return sent.get(sent.size() - 1).at("/EventBody/PasswordRenewalVerificationCode").asText();
    }

    Response reset(String code, String username, String password) {
        return api.put("/v1/password/reset/" + code, null, json(Map.of("ClientID", "shop", "Username", username, "Password", password)));
    }

    @Test
    void anAnonymousShopperRegistersAndKeepsItsCart() {
        String anon = anonToken();
        String cartID = ok(api.get("/v1/cart", anon)).body().get("ID").asText();
        Response registered = api.put("/v1/me/register?anonUserToken=" + anon, anon, json(Map.of("ID", "newbie",
                "Username", "newbie", "Password", "pw-new-1", "FirstName", "New", "LastName", "Bie", "Email", "new@example.com",
                "Active", true)));
        assertThat(registered.status()).isEqualTo(200);
        String token = registered.body().get("access_token").asText();
        assertThat(ApiTestServer.claims(token).get("uid").asText()).isEqualTo("newbie");
        JsonNode cart = ok(api.get("/v1/cart", token)).body();
        assertThat(cart.get("ID").asText()).isEqualTo(cartID);
        assertThat(cart.get("FromUserID").asText()).isEqualTo("newbie");
        assertThat(ok(api.get("/v1/me", token)).body().get("Email").asText()).isEqualTo("new@example.com");
        assertThat(api.login("shop", "newbie", "pw-new-1", "Shopper")).isNotBlank();
    }

    @Test
    void aRegistrationCannotTakeAnExistingUsernameNorBeMadeByARegisteredUser() {
        String anon = anonToken();
        Response taken = api.put("/v1/me/register", anon, json(Map.of("Username", "ANN", "FirstName", "F", "LastName", "L",
                "Email", "x@example.com", "Active", true)));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.errorCode()).isEqualTo("User.UsernameMustBeUnique");
        Response missing = api.put("/v1/me/register", anon, json(Map.of("Username", "zed", "FirstName", "F", "LastName", "L")));
        assertThat(missing.status()).isEqualTo(400);
        String ann = api.login("shop", "ann", "pw-ann-1", "Shopper");
        assertThat(api.put("/v1/me/register", ann, json(Map.of("Username", "zed", "FirstName", "F", "LastName", "L",
                "Email", "z@example.com"))).status()).isEqualTo(403);
        assertThat(api.engine().orgs().findByUsername("zed")).isEmpty();
    }

    @Test
    void aForgottenPasswordIsResetOnceByTheMailedCodeAndTheOldPasswordStopsWorking() throws Exception {
        assertThat(requestCode("ann", null).status()).isEqualTo(204);
        CapturingSink.Delivery d = sink.delivered.get(0);
        assertThat(d.endpoint().id()).isEqualTo("messagesender:mail");
        assertThat(d.endpoint().hashKey()).isEqualTo("mail-key");
        String code = lastCode();
        assertThat(api.engine().context().store().table(io.orderhooks.engine.internal.api.auth.AuthTables.VERIFICATION_CODES)
                .list()).extracting(c -> c.id()).doesNotContain(code).contains(sha256(code));

        assertThat(reset(code, "bob", "pw-evil-1").errorCode()).isEqualTo("Auth.InvalidVerificationCode");
        assertThat(reset(code, "ann", "pw-ann-2").status()).isEqualTo(204);
        Response reused = reset(code, "ann", "pw-ann-3");
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.errorCode()).isEqualTo("Auth.InvalidVerificationCode");
        assertThat(reused.body().at("/Errors/0/Message").asText()).isEqualTo("Verification code is invalid, expired or already used");
        assertThat(api.token(Map.of("grant_type", "password", "client_id", "shop", "username", "ann", "password", "pw-ann-1",
                "scope", "Shopper")).status()).isEqualTo(400);
        assertThat(api.login("shop", "ann", "pw-ann-2", "Shopper")).isNotBlank();
    }

    @Test
    void anExpiredCodeFails() {
        ok(requestCode("ann", null));
        String code = lastCode();
        api.clock().advance(VerificationCodes.LIFETIME);
        assertThat(reset(code, "ann", "pw-ann-2").errorCode()).isEqualTo("Auth.InvalidVerificationCode");
        assertThat(api.login("shop", "ann", "pw-ann-1", "Shopper")).isNotBlank();
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAsAKnownOneAndNothingIsSent() {
        Response known = requestCode(null, "ann@example.com");
        Response unknown = requestCode(null, "nobody@example.com");
        assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(204);
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(sink.messages("ForgottenPassword")).hasSize(1);
        assertThat(sink.messages("ForgottenPassword").get(0).at("/EventBody/PasswordRenewalUrl").asText())
                .isEqualTo("https://shop.example/reset");
    }

    @Test
    void codeRequestsAreRateLimitedPerUsernameWhetherOrNotItExists() {
        for (String who : List.of("ann", "ghost")) {
            for (int i = 0; i < 5; i++) {
                assertThat(requestCode(who, null).status()).isEqualTo(204);
            }
            Response limited = requestCode(who, null);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.errorCode()).isEqualTo("TooManyRequests");
        }
        api.clock().advance(Duration.ofMinutes(15));
        assertThat(requestCode("ann", null).status()).isEqualTo(204);
    }

    @Test
    void theMailedResetTokenChangesThePasswordOnceThroughMeResetPasswordByToken() {
        ok(requestCode("ann", null));
        String token = sink.messages("ForgottenPassword").get(0).at("/EventBody/PasswordRenewalAccessToken").asText();
        assertThat(ApiTestServer.claims(token).get("role").toString()).isEqualTo("[\"PasswordReset\"]");
        assertThat(api.get("/v1/me", token).status()).isEqualTo(403);
        assertThat(api.post("/v1/me/password", token, json(Map.of("NewPassword", "pw-ann-9"))).status()).isEqualTo(204);
        assertThat(api.post("/v1/me/password", token, json(Map.of("NewPassword", "pw-ann-8"))).status()).isEqualTo(401);
        assertThat(api.login("shop", "ann", "pw-ann-9", "Shopper")).isNotBlank();
    }

    @Test
    void aForgottenUsernameIsMailedToTheAddressOwner() {
        assertThat(api.post("/v1/username/retrieve?clientID=shop&email=ann@example.com", null, null).status()).isEqualTo(204);
        assertThat(api.post("/v1/username/retrieve?clientID=shop&email=who@example.com", null, null).status()).isEqualTo(204);
        assertThat(sink.messages("ForgottenUsername")).extracting(n -> n.at("/EventBody/Username").asText()).containsExactly("ann");
        assertThat(api.post("/v1/username/retrieve?clientID=nope&email=ann@example.com", null, null).errorCode())
                .isEqualTo("Auth.InvalidClientID");
    }

    @Test
    void userinfoAnswersAnIdentityTokenForTheBearer() {
        String ann = api.login("shop", "ann", "pw-ann-1", "Shopper");
        Response info = ok(api.get("/oauth/userinfo", ann));
        JsonNode claims = ApiTestServer.claims(info.body().get("identity_token").asText());
        assertThat(claims.get("sub").asText()).isEqualTo("u1");
        assertThat(claims.get("email").asText()).isEqualTo("ann@example.com");
        assertThat(claims.get("aud").toString()).contains("shop");
        assertThat(info.body().get("expires_in").asLong()).isEqualTo(36_000);
        assertThat(api.get("/oauth/userinfo", null).status()).isEqualTo(401);
    }

    @Test
    void aUserCreatedWithoutAPasswordIsInvitedWithACodeThatSetsTheFirstPasswordThroughAnyClientServingIt() {
        ok(api.post("/v1/buyers/b1/users", admin, json(Map.of("ID", "cy", "Username", "cy", "FirstName", "C", "LastName", "Y",
                "Email", "cy@example.com", "Active", true))));
        List<JsonNode> invitations = sink.messages("NewUserInvitation");
        assertThat(invitations).hasSize(1);
        assertThat(invitations.get(0).at("/Recipient/ID").asText()).isEqualTo("cy");
        String code = invitations.get(0).at("/EventBody/PasswordRenewalVerificationCode").asText();
        assertThat(reset(code, "cy", "pw-cy-1").status()).isEqualTo(204);
        assertThat(api.login("shop", "cy", "pw-cy-1", "Shopper")).isNotBlank();
        ok(api.post("/v1/buyers/b1/users", admin, json(Map.of("ID", "di", "Username", "di", "Password", "pw-di-1",
                "FirstName", "D", "LastName", "I", "Email", "di@example.com", "Active", true))));
        assertThat(sink.messages("NewUserInvitation")).hasSize(1);
    }

    static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
