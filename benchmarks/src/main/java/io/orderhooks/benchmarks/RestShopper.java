package io.orderhooks.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.LineItem;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One virtual user of {@link CheckoutLoad}: logs in as {@link BenchEngine#USERNAME} through {@code /oauth/token}
 * and runs whole checkouts over the engine's REST API, as a storefront does: {@code POST v1/orders/Outgoing},
 * a {@code POST .../lineitems} per line, {@code .../estimateshipping}, {@code .../shipmethods} (each estimate's
 * first method), {@code .../calculate}, {@code .../submit}. Every request's duration goes to the caller. Given
 * several engines (comma-separated base URLs on one database) each request goes to the next, as behind a
 * round-robin load balancer. HTTP/1.1 with keep-alive through OkHttp, each call made on the user's own thread (as a
 * storefront's server-side client does), so the driver spends little CPU of the machine it shares with the servers.
 * Not thread-safe (one per virtual user); the {@link OkHttpClient} may be shared.
 */
final class RestShopper {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");
    private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);

    /** An answer: status and body bytes. */
    private record Answer(int status, byte[] body) {}

    private final ObjectMapper json = OrderCloudJson.mapper();
    private final OkHttpClient http;
    private final List<String> baseUrls;
    private int turn;
    private String token;

    /** @param baseUrls one engine, or several on one database: each request goes to the next (round-robin) */
    RestShopper(OkHttpClient http, String baseUrls) {
        this.http = http;
        this.baseUrls = List.of(baseUrls.split(","));
    }

    /** The engine the next request goes to. */
    private String baseUrl() {
        return baseUrls.get(Math.floorMod(turn++, baseUrls.size()));
    }

    /**
     * An HTTP/1.1 client for the engine on loopback, keeping up to {@code users} idle connections (one per virtual user
     * between its calls), so no call pays for a new connection.
     */
    static OkHttpClient client(int users) {
        return new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5)).callTimeout(REQUEST_TIMEOUT)
                .readTimeout(REQUEST_TIMEOUT).retryOnConnectionFailure(false).followRedirects(false)
                .connectionPool(new ConnectionPool(Math.max(5, users), 5, TimeUnit.MINUTES)).build();
    }

    /** Password grant for the bench buyer; not timed. */
    void login() throws IOException {
        String form = "grant_type=password&client_id=" + enc(BenchEngine.CLIENT_ID) + "&username=" + enc(BenchEngine.USERNAME)
                + "&password=" + enc(BenchEngine.PASSWORD) + "&scope=" + enc(String.join(" ", BenchEngine.ROLES));
        Request request = request("/oauth/token").post(RequestBody.create(form, FORM)).build();
        token = expect(200, send(request, nanos -> {}), "login").get("access_token").asText();
    }

    /**
     * One whole checkout of {@code lines} lines.
     *
     * @throws IllegalStateException naming the step whose answer was not the expected success
     */
    String checkout(int lines, LongConsumer requestNanos) throws IOException {
        return checkout(lines, (step, nanos) -> requestNanos.accept(nanos));
    }

    /** Each request's duration, by the checkout step it belongs to ({@code create}, {@code line}, ... {@code submit}). */
    @FunctionalInterface
    interface StepTiming {
        void record(String step, long nanos);
    }

    /** As {@link #checkout(int, LongConsumer)}, timing each request under its step's name. */
    String checkout(int lines, StepTiming requestNanos) throws IOException {
        String id = expect(201, post("create", "/v1/orders/Outgoing", Map.of("ShippingAddressID", "home"), requestNanos), "create").get("ID").asText();
        String order = "/v1/orders/Outgoing/" + id;
        for (int i = 0; i < lines; i++) {
            LineItem line = BenchEngine.line(i);
            status(201, post("line", order + "/lineitems", Map.of("ProductID", line.productID(), "Quantity", line.quantity()), requestNanos), "line");
        }
        JsonNode estimated = expect(200, post("estimateshipping", order + "/estimateshipping", null, requestNanos), "estimateshipping");
        succeeded(estimated.path("ShipEstimateResponse"), "estimateshipping");
        List<Map<String, String>> selections = new ArrayList<>();
        for (JsonNode estimate : estimated.path("ShipEstimateResponse").path("ShipEstimates")) {
            selections.add(Map.of("ShipEstimateID", estimate.get("ID").asText(),
                    "ShipMethodID", estimate.path("ShipMethods").path(0).path("ID").asText()));
        }
        status(200, post("shipmethods", order + "/shipmethods", Map.of("ShipMethodSelections", selections), requestNanos), "shipmethods");
        succeeded(expect(200, post("calculate", order + "/calculate", null, requestNanos), "calculate").path("OrderCalculateResponse"), "calculate");
        JsonNode submitted = expect(201, post("submit", order + "/submit", null, requestNanos), "submit");
        if (!"Open".equals(submitted.path("Status").asText())) {
            throw new IllegalStateException("submit left order " + id + " " + submitted.path("Status").asText());
        }
        return id;
    }

    private Answer post(String step, String path, Object body, StepTiming requestNanos) throws IOException {
        Request.Builder request = request(path).header("Authorization", "Bearer " + token);
        request.post(body == null ? EMPTY : RequestBody.create(json.writeValueAsBytes(body), JSON));
        return send(request.build(), nanos -> requestNanos.record(step, nanos));
    }

    /**
     * A request to the engine asking for an uncompressed answer, as the JDK client sent (no Accept-Encoding) before:
     * OkHttp would ask for gzip, and the engine would spend CPU compressing every answer over loopback, which the
     * before/after rows of issue #22 never did.
     */
    private Request.Builder request(String path) {
        return new Request.Builder().url(baseUrl() + path).header("Accept-Encoding", "identity");
    }

    private Answer send(Request request, LongConsumer requestNanos) throws IOException {
        long start = System.nanoTime();
        try (Response response = http.newCall(request).execute()) {
            Answer answer = new Answer(response.code(), response.body().bytes());
            requestNanos.accept(System.nanoTime() - start);
            return answer;
        }
    }

    private JsonNode expect(int status, Answer response, String step) throws IOException {
        status(status, response, step);
        return json.readTree(response.body());
    }

    /**
     * Checks the status only: the answers the driver does not read (line adds, ship method selection) are not parsed,
     * so the driver's CPU, which shares the machine with the servers it measures, goes to what it must do.
     */
    private static void status(int status, Answer response, String step) {
        if (response.status() != status) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            throw new IllegalStateException(step + " answered " + response.status() + ": "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
        }
    }

    private static void succeeded(JsonNode checkoutResponse, String step) {
        if (!checkoutResponse.path("Succeeded").asBoolean(false)) {
            throw new IllegalStateException(step + " did not succeed: " + checkoutResponse.path("UnhandledErrorBody").asText());
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
