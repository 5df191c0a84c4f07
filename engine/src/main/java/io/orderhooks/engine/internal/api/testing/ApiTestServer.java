package io.orderhooks.engine.internal.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.orderhooks.engine.AdminBootstrap;
import io.orderhooks.engine.internal.api.EngineApi;
import io.orderhooks.engine.internal.api.auth.SigningKeys;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.orgs.PasswordHasher;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.time.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The engine API on a random port with a {@link MutableClock}, for tests: get an admin token, log users
 * in, and call routes with JSON. Every call returns a {@link Response} (status + parsed body); nothing
 * throws for an HTTP error status. Close it to stop the server. Thread-safe for concurrent calls.
 *
 * <pre>{@code
 * try (ApiTestServer api = ApiTestServer.start()) {
 *     String admin = api.adminToken();
 *     api.post("/v1/buyers", admin, "{\"ID\":\"b1\",\"Name\":\"B1\"}");
 * }
 * }</pre>
 */
public final class ApiTestServer implements AutoCloseable {

    /** Key generation is slow; every test server shares one key pair. */
    private static final SigningKeys KEYS = SigningKeys.generate();

    /** A status and the body (null when empty). */
    public record Response(int status, JsonNode body) {
        /** {@code Errors[0].ErrorCode}, or null. */
        public String errorCode() {
            return body == null ? null : body.path("Errors").path(0).path("ErrorCode").asText(null);
        }
    }

    private final MutableClock clock;
    private final Engine engine;
    private final EngineApi api;
    private final Javalin app;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    private ApiTestServer(MutableClock clock, Engine engine, EngineApi api) {
        this.clock = clock;
        this.engine = engine;
        this.api = api;
        this.app = api.startOnPort(0);
        this.base = "http://localhost:" + app.port();
    }

    /** An engine (fast password hashing, clock at 2026-03-01T10:00:00Z) and its API with local defaults. */
    public static ApiTestServer start() {
        return start(e -> e, a -> a);
    }

    /** As {@link #start()}, letting the caller add to the engine's and the API's builders. */
    public static ApiTestServer start(UnaryOperator<Engine.Builder> engineSetup, UnaryOperator<EngineApi.Builder> apiSetup) {
        MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
        Engine engine = engineSetup.apply(Engine.builder().clock(clock).passwordHasher(new PasswordHasher(1))).build();
        EngineApi api = apiSetup.apply(EngineApi.builder(engine).signingKeys(KEYS).admin(AdminBootstrap.LOCAL_DEFAULTS)).build();
        return new ApiTestServer(clock, engine, api);
    }

    public MutableClock clock() { return clock; }
    public Engine engine() { return engine; }
    public EngineApi api() { return api; }
    /** e.g. {@code http://localhost:41234}. */
    public String baseUrl() { return base; }

    /** A FullAccess token of the bootstrap admin (client_credentials with the admin client's secret). */
    public String adminToken() {
        return adminToken("FullAccess");
    }

    /** A token of the bootstrap admin carrying exactly {@code roles} (the admin is granted FullAccess). */
    public String adminToken(String... roles) {
        AdminBootstrap a = AdminBootstrap.LOCAL_DEFAULTS;
        return accessToken(token(Map.of("grant_type", "client_credentials", "client_id", a.clientID(),
                "client_secret", a.clientSecret(), "scope", String.join(" ", roles))));
    }

    /** A password-grant token; fails the test (IllegalStateException) when the grant is refused. */
    public String login(String clientID, String username, String password, String... scope) {
        return accessToken(token(Map.of("grant_type", "password", "client_id", clientID, "username", username,
                "password", password, "scope", String.join(" ", scope))));
    }

    /** {@code POST /oauth/token} with {@code form}, answered as is. */
    public Response token(Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send("POST", "/oauth/token", null, "application/x-www-form-urlencoded", body);
    }

    public Response get(String path, String token) { return send("GET", path, token, null, null); }
    public Response post(String path, String token, String json) { return send("POST", path, token, "application/json", json); }
    public Response put(String path, String token, String json) { return send("PUT", path, token, "application/json", json); }
    public Response patch(String path, String token, String json) { return send("PATCH", path, token, "application/json", json); }
    public Response delete(String path, String token) { return send("DELETE", path, token, null, null); }

    /**
     * Seeds a buyer through the API: buyer {@code buyerID}, a user ({@code username}/{@code password}), a
     * security profile {@code buyerID-profile} with {@code roles} assigned to the buyer, and API client
     * {@code clientID} assigned to the buyer. Fails (IllegalStateException) when any step is refused.
     */
    public void seedBuyer(String buyerID, String userID, String username, String password, String clientID, String... roles) {
        String admin = adminToken();
        ok(post("/v1/buyers", admin, json(Map.of("ID", buyerID, "Name", buyerID, "Active", true))));
        ok(post("/v1/buyers/" + buyerID + "/users", admin, json(Map.of("ID", userID, "Username", username,
                "Password", password, "FirstName", "Test", "LastName", "User", "Email", username + "@example.com", "Active", true))));
        String profile = buyerID + "-profile";
        ok(post("/v1/securityprofiles", admin, json(Map.of("ID", profile, "Name", profile, "Roles", roles))));
        ok(post("/v1/securityprofiles/assignments", admin, json(Map.of("SecurityProfileID", profile, "BuyerID", buyerID))));
        if (get("/v1/apiclients/" + clientID, admin).status() == 404) {
            ok(post("/v1/apiclients", admin, json(Map.of("ID", clientID, "AppName", clientID, "Active", true,
                    "AccessTokenDuration", 600, "RefreshTokenDuration", 1440))));
        }
        ok(post("/v1/apiclients/assignments", admin, json(Map.of("ApiClientID", clientID, "BuyerID", buyerID))));
    }

    /** A JSON text of {@code values}. */
    public static String json(Object values) {
        try {
            return OrderCloudJson.mapper().writeValueAsString(values);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code r} when it is a 2xx; else IllegalStateException with the answer. */
    public static Response ok(Response r) {
        if (r.status() / 100 != 2) {
            throw new IllegalStateException("request refused: " + r.status() + " " + r.body());
        }
        return r;
    }

    public Response send(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode tree = r.body().isBlank() ? null : OrderCloudJson.mapper().readTree(r.body());
            return new Response(r.statusCode(), tree);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String accessToken(Response r) {
        if (r.status() != 200) {
            throw new IllegalStateException("token refused: " + r.status() + " " + r.body());
        }
        return r.body().get("access_token").asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Decoded claims of a token (no verification): for assertions. */
    public static JsonNode claims(String token) {
        try {
            return OrderCloudJson.mapper().readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }

}
