package io.orderhooks.engine.internal.api;

import static io.orderhooks.engine.internal.api.RouteTable.roles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.javalin.Javalin;
import io.orderhooks.engine.internal.api.auth.AccountDirectory;
import io.orderhooks.engine.internal.api.auth.OAuthEndpoint;
import io.orderhooks.engine.internal.api.auth.OAuthError;
import io.orderhooks.engine.internal.api.auth.RefreshTokens;
import io.orderhooks.engine.internal.api.auth.SigningKeys;
import io.orderhooks.engine.internal.api.auth.TokenService;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.Webhook;
import io.orderhooks.core.model.WebhookPayload;
import io.orderhooks.core.model.WebhookRoute;
import io.orderhooks.engine.spi.PreHookDecision;
import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.engine.spi.WebhookSink;
import io.orderhooks.core.time.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiServerAcceptanceTest {

    static final SigningKeys KEYS = SigningKeys.generate();
    final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    final Map<String, JsonNode> notes = new ConcurrentHashMap<>();
    final List<Webhook> hooks = new CopyOnWriteArrayList<>();
    final List<WebhookPayload> postPayloads = new CopyOnWriteArrayList<>();
    volatile boolean blockPreHooks;
    final HttpClient http = HttpClient.newHttpClient();
    Javalin app;
    String base;

    final AccountDirectory directory = new AccountDirectory() {
        @Override
        public Optional<Client> client(String id) {
            return switch (id) {
                case "buyer-app" -> Optional.of(new Client(id, "s3cret", true, Duration.ofHours(10), Duration.ofDays(1), false, List.of()));
                case "anon-app" -> Optional.of(new Client(id, null, true, Duration.ofHours(1), Duration.ZERO, true, List.of("Shopper")));
                default -> Optional.empty();
            };
        }

        @Override
        public Account authenticate(Client client, String username, String password) {
            if (!username.equals("buyer01") || !password.equals("pw")) {
                throw new OAuthError.Failure(400, "invalid_grant", "Auth.IncorrectPassword", "Incorrect password");
            }
            return new Account("u1", "buyer01", "buyer", "BUYER_ORG");
        }

        @Override
        public Account contextUser(Client client) {
            return new Account("anon-template", "anon", "buyer", "BUYER_ORG");
        }

        @Override
        public Set<String> grantedRoles(Account account) {
            return Set.of("Shopper", "MeAdmin");
        }
    };

    final WebhookSink sink = new WebhookSink() {
        @Override
        public PreHookDecision before(WebhookEndpoint hook, byte[] payload) {
            return new PreHookDecision(!blockPreHooks, blockPreHooks ? TextNode.valueOf("Notes must be polite") : null, null);
        }

        @Override
        public void after(WebhookEndpoint hook, byte[] payload) {
            try {
                postPayloads.add(OrderCloudJson.mapper().readValue(payload, WebhookPayload.class));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    };

    @BeforeEach
    void start() {
        TokenService tokens = new TokenService(KEYS, clock, "http://localhost");
        RouteTable table = new RouteTable()
                .get("v1/notes/{noteID}", roles("Shopper"), r -> Optional.ofNullable(notes.get(r.param("noteID")))
                        .orElseThrow(() -> io.orderhooks.core.error.OrderCloudException.notFound("Note", r.param("noteID"))))
                .get("v1/notes/special", roles("Shopper"), r -> Map.of("special", true))
                .put("v1/notes/{noteID}", roles("Shopper"), r -> {
                    notes.put(r.param("noteID"), r.bodyObject());
                    return r.bodyObject();
                })
                .post("v1/admin/things", 201, roles("ProductAdmin"), r -> Map.of("ok", true));
        app = new ApiServer(table, new OAuthEndpoint(directory, tokens, new RefreshTokens(clock)),
                new WebhookFiring(() -> hooks, sink, clock), 1024, c -> false).create().start(0);
        base = "http://localhost:" + app.port();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    HttpResponse<String> send(String method, String path, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> r) throws Exception {
        return OrderCloudJson.mapper().readTree(r.body());
    }

    String login(String scope) throws Exception {
        HttpResponse<String> r = send("POST", "/oauth/token", null, "application/x-www-form-urlencoded",
                "grant_type=password&client_id=buyer-app&client_secret=s3cret&username=buyer01&password=pw&scope=" + scope.replace(" ", "+"));
        assertThat(r.statusCode()).isEqualTo(200);
        return json(r).get("access_token").asText();
    }

    @Test
    void passwordGrantAnswersOAuthShapeWithRolesLimitedToWhatWasGranted() throws Exception {
        HttpResponse<String> r = send("POST", "/oauth/token", null, "application/x-www-form-urlencoded",
                "grant_type=password&client_id=buyer-app&client_secret=s3cret&username=buyer01&password=pw&scope=Shopper+OrderAdmin");
        JsonNode body = json(r);
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(36_000);
        assertThat(body.get("refresh_token").asText()).isNotBlank();
        String payload = new String(java.util.Base64.getUrlDecoder().decode(body.get("access_token").asText().split("\\.")[1]));
        assertThat(OrderCloudJson.mapper().readTree(payload).get("role").toString()).isEqualTo("[\"Shopper\"]");
    }

    @Test
    void refreshTokenGrantsANewTokenOnce() throws Exception {
        HttpResponse<String> first = send("POST", "/oauth/token", null, "application/x-www-form-urlencoded",
                "grant_type=password&client_id=buyer-app&client_secret=s3cret&username=buyer01&password=pw&scope=Shopper");
        String refresh = json(first).get("refresh_token").asText();
        String form = "grant_type=refresh_token&client_id=buyer-app&refresh_token=" + refresh;
        HttpResponse<String> renewed = send("POST", "/oauth/token", null, "application/x-www-form-urlencoded", form);
        assertThat(renewed.statusCode()).isEqualTo(200);
        assertThat(json(renewed).get("access_token").asText()).isNotBlank();
        HttpResponse<String> again = send("POST", "/oauth/token", null, "application/x-www-form-urlencoded", form);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(again).at("/Errors/0/ErrorCode").asText()).isEqualTo("Auth.InvalidRefreshToken");
    }

    @Test
    void anonymousClientCredentialsNeedNoSecretAndGetNoRefreshToken() throws Exception {
        HttpResponse<String> r = send("POST", "/oauth/token", null, "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=anon-app&scope=Shopper+MeAdmin");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("refresh_token").isNull()).isTrue();
    }

    @Test
    void tokenErrorsCarryOAuthAndOrderCloudFields() throws Exception {
        HttpResponse<String> wrongPassword = send("POST", "/oauth/token", null, "application/x-www-form-urlencoded",
                "grant_type=password&client_id=buyer-app&client_secret=s3cret&username=buyer01&password=nope&scope=Shopper");
        assertThat(wrongPassword.statusCode()).isEqualTo(400);
        assertThat(json(wrongPassword).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(wrongPassword).at("/Errors/0/ErrorCode").asText()).isEqualTo("Auth.IncorrectPassword");
        HttpResponse<String> badClient = send("POST", "/oauth/token", null, "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=nobody&scope=Shopper");
        assertThat(json(badClient).get("error").asText()).isEqualTo("invalid_client");
        HttpResponse<String> badSecret = send("POST", "/oauth/token", null, "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=buyer-app&client_secret=guess&scope=Shopper");
        assertThat(json(badSecret).at("/Errors/0/ErrorCode").asText()).isEqualTo("Auth.InvalidClientSecret");
        HttpResponse<String> json = send("POST", "/oauth/token", null, "application/json", "{}");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json(json).at("/Errors/0/ErrorCode").asText()).isEqualTo("Request.InvalidContentType");
        HttpResponse<String> grant = send("POST", "/oauth/token", null, "application/x-www-form-urlencoded",
                "grant_type=magic&client_id=buyer-app");
        assertThat(json(grant).get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void certsServeThePublicJwkOfTheSigningKey() throws Exception {
        String token = login("Shopper");
        String kid = com.nimbusds.jwt.SignedJWT.parse(token).getHeader().getKeyID();
        HttpResponse<String> r = send("GET", "/oauth/certs/" + kid, null, null, null);
        assertThat(json(r).get("kty").asText()).isEqualTo("RSA");
        assertThat(json(r).has("d")).isFalse();
        assertThat(send("GET", "/oauth/certs/other", null, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesMissingExpiredAndUnderprivilegedTokens() throws Exception {
        HttpResponse<String> none = send("GET", "/v1/notes/n1", null, null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).at("/Errors/0/ErrorCode").asText()).isEqualTo("InvalidToken");
        String token = login("Shopper");
        HttpResponse<String> forbidden = send("POST", "/v1/admin/things", token, "application/json", "{}");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(json(forbidden).at("/Errors/0/ErrorCode").asText()).isEqualTo("Auth.InsufficientRoles");
        assertThat(json(forbidden).at("/Errors/0/Data/SufficientRoles").toString()).isEqualTo("[\"ProductAdmin\",\"FullAccess\"]");
        clock.advance(Duration.ofHours(10));
        HttpResponse<String> expired = send("GET", "/v1/notes/n1", token, null, null);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(json(expired).at("/Errors/0/ErrorCode").asText()).isEqualTo("ExpiredToken");
    }

    @Test
    void badBodiesAreRefusedInOrderCloudsShape() throws Exception {
        String token = login("Shopper");
        HttpResponse<String> malformed = send("PUT", "/v1/notes/n1", token, "application/json", "{\"Text\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).at("/Errors/0/ErrorCode").asText()).isEqualTo("Request.InvalidJson");
        HttpResponse<String> text = send("PUT", "/v1/notes/n1", token, "text/plain", "hello");
        assertThat(text.statusCode()).isEqualTo(415);
        HttpResponse<String> big = send("PUT", "/v1/notes/n1", token, "application/json", "{\"x\":\"" + "a".repeat(2000) + "\"}");
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(json(big).at("/Errors/0/ErrorCode").asText()).isEqualTo("Request.TooLarge");
        assertThat(notes).isEmpty();
        HttpResponse<String> unknown = send("GET", "/v1/nothing/here", token, null, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).at("/Errors/0/ErrorCode").asText()).isEqualTo("NotFound");
        assertThat(json(unknown).at("/Errors/0/Data").toString()).isEqualTo("{\"ObjectType\":\"Route\",\"ObjectID\":\"GET /v1/nothing/here\"}");
    }

    @Test
    void literalSegmentsWinOverParametersAndRoutesIgnoreCase() throws Exception {
        String token = login("Shopper");
        assertThat(json(send("GET", "/v1/notes/special", token, null, null)).get("special").asBoolean()).isTrue();
        send("PUT", "/v1/notes/n1", token, "application/json", "{\"Text\":\"hi\"}");
        assertThat(json(send("GET", "/v1/Notes/n1", token, null, null)).get("Text").asText()).isEqualTo("hi");
    }

    @Test
    void aBlockingPreWebhookChangesNothingAndRelaysItsBody() throws Exception {
        hooks.add(hook(true));
        blockPreHooks = true;
        String token = login("Shopper");
        HttpResponse<String> r = send("PUT", "/v1/notes/n1", token, "application/json", "{\"Text\":\"rude\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/Errors/0/ErrorCode").asText()).isEqualTo("Webhook.Blocked");
        assertThat(json(r).at("/Errors/0/Message").asText()).isEqualTo("Notes must be polite");
        assertThat(notes).isEmpty();
    }

    @Test
    void aPostWebhookGetsRouteParamsAndBothBodies() throws Exception {
        hooks.add(hook(false));
        String token = login("Shopper");
        send("PUT", "/v1/notes/n1?x=1", token, "application/json", "{\"Text\":\"hi\",\"Password\":\"secret\"}");
        assertThat(postPayloads).hasSize(1);
        WebhookPayload p = postPayloads.get(0);
        assertThat(p.route()).isEqualTo("v1/notes/{noteID}");
        assertThat(p.verb()).isEqualTo("PUT");
        assertThat(p.routeParams()).containsEntry("noteID", "n1");
        assertThat(p.queryParams()).containsEntry("x", "1");
        assertThat(p.request().body().get("Text").asText()).isEqualTo("hi");
        assertThat(p.request().body().get("Password").isNull()).isTrue();
        assertThat(p.response().body().get("Text").asText()).isEqualTo("hi");
        assertThat(p.userToken()).isEqualTo(token);
        assertThat(p.logID()).isNotBlank();
    }

    @Test
    void webhooksFireOnlyForTheirApiClients() throws Exception {
        Webhook other = new Webhook("h2", "other", null, "http://x", null, null, null, false, List.of("another-app"),
                List.of(new WebhookRoute("v1/notes/{noteID}", "PUT")), null, null, null, null);
        hooks.add(other);
        send("PUT", "/v1/notes/n1", login("Shopper"), "application/json", "{\"Text\":\"hi\"}");
        assertThat(postPayloads).isEmpty();
    }

    Webhook hook(boolean pre) {
        return new Webhook(pre ? "pre" : "post", "notes", null, "http://localhost/hook", "key", null,
                OrderCloudJson.mapper().createObjectNode().put("k", "v"), pre, List.of("buyer-app"),
                List.of(new WebhookRoute("v1/notes/{noteID}", "PUT")), null, null, null, null);
    }
}
