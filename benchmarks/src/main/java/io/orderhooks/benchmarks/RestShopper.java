package io.orderhooks.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.LineItem;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * One virtual user of {@link CheckoutLoad}: logs in as {@link BenchEngine#USERNAME} through {@code /oauth/token}
 * and runs whole checkouts over the engine's REST API, as a storefront does: {@code POST v1/orders/Outgoing},
 * a {@code POST .../lineitems} per line, {@code .../estimateshipping}, {@code .../shipmethods} (each estimate's
 * first method), {@code .../calculate}, {@code .../submit}. Every request's duration goes to the caller. Given
 * several engines (comma-separated base URLs on one database) each request goes to the next, as behind a
 * round-robin load balancer.
 * Not thread-safe (one per virtual user); the {@link HttpClient} may be shared.
 */
final class RestShopper {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final ObjectMapper json = OrderCloudJson.mapper();
    private final HttpClient http;
    private final List<String> baseUrls;
    private int turn;
    private String token;

    /** @param baseUrls one engine, or several on one database: each request goes to the next (round-robin) */
    RestShopper(HttpClient http, String baseUrls) {
        this.http = http;
        this.baseUrls = List.of(baseUrls.split(","));
    }

    /** The engine the next request goes to. */
    private String baseUrl() {
        return baseUrls.get(Math.floorMod(turn++, baseUrls.size()));
    }

    /** An HTTP/1.1 client for the engine on loopback. */
    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Password grant for the bench buyer; not timed. */
    void login() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=" + enc(BenchEngine.CLIENT_ID) + "&username=" + enc(BenchEngine.USERNAME)
                + "&password=" + enc(BenchEngine.PASSWORD) + "&scope=" + enc(String.join(" ", BenchEngine.ROLES));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth/token")).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        token = expect(200, send(request, nanos -> {}), "login").get("access_token").asText();
    }

    /**
     * One whole checkout of {@code lines} lines.
     *
     * @throws IllegalStateException naming the step whose answer was not the expected success
     */
    String checkout(int lines, LongConsumer requestNanos) throws IOException, InterruptedException {
        String id = expect(201, post("/v1/orders/Outgoing", Map.of("ShippingAddressID", "home"), requestNanos), "create").get("ID").asText();
        String order = "/v1/orders/Outgoing/" + id;
        for (int i = 0; i < lines; i++) {
            LineItem line = BenchEngine.line(i);
            expect(201, post(order + "/lineitems", Map.of("ProductID", line.productID(), "Quantity", line.quantity()), requestNanos), "line");
        }
        JsonNode estimated = expect(200, post(order + "/estimateshipping", null, requestNanos), "estimateshipping");
        succeeded(estimated.path("ShipEstimateResponse"), "estimateshipping");
        List<Map<String, String>> selections = new ArrayList<>();
        for (JsonNode estimate : estimated.path("ShipEstimateResponse").path("ShipEstimates")) {
            selections.add(Map.of("ShipEstimateID", estimate.get("ID").asText(),
                    "ShipMethodID", estimate.path("ShipMethods").path(0).path("ID").asText()));
        }
        expect(200, post(order + "/shipmethods", Map.of("ShipMethodSelections", selections), requestNanos), "shipmethods");
        succeeded(expect(200, post(order + "/calculate", null, requestNanos), "calculate").path("OrderCalculateResponse"), "calculate");
        JsonNode submitted = expect(201, post(order + "/submit", null, requestNanos), "submit");
        if (!"Open".equals(submitted.path("Status").asText())) {
            throw new IllegalStateException("submit left order " + id + " " + submitted.path("Status").asText());
        }
        return id;
    }

    private HttpResponse<byte[]> post(String path, Object body, LongConsumer requestNanos) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        }
        return send(request.build(), requestNanos);
    }

    private HttpResponse<byte[]> send(HttpRequest request, LongConsumer requestNanos) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        requestNanos.accept(System.nanoTime() - start);
        return response;
    }

    private JsonNode expect(int status, HttpResponse<byte[]> response, String step) throws IOException {
        if (response.statusCode() != status) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            throw new IllegalStateException(step + " answered " + response.statusCode() + ": "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
        }
        return json.readTree(response.body());
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
