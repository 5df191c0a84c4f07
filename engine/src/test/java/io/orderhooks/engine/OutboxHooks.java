package io.orderhooks.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.orderhooks.core.json.OrderCloudJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A post-webhook receiver counting deliveries per LogID, and the few API calls the outbox tests make. */
final class OutboxHooks implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    final Map<String, AtomicInteger> byLogID = new ConcurrentHashMap<>();

    OutboxHooks() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            JsonNode payload = OrderCloudJson.mapper().readTree(exchange.getRequestBody().readAllBytes());
            byLogID.computeIfAbsent(payload.path("LogID").asText(), k -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/buyers";
    }

    int delivered() {
        return byLogID.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    String adminToken(OrderEngine engine) throws Exception {
        String form = "grant_type=client_credentials&client_id=admin-client&client_secret=admin-secret&scope=FullAccess";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(engine.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return OrderCloudJson.mapper().readTree(r.body()).get("access_token").asText();
    }

    /** POSTs {@code json} to {@code path}; returns the status. */
    int post(OrderEngine engine, String path, String token, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(engine.baseUrl() + "/" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        lastBody = r.body();
        return r.statusCode();
    }

    /** The body of the last answer to {@link #post} (for assertion messages). */
    volatile String lastBody;

    /** A post-webhook on {@code POST v1/buyers} by the admin client, to this receiver. */
    void register(OrderEngine engine, String token) throws Exception {
        assertThat(post(engine, "v1/webhooks", token, "{\"ID\":\"buyer-sync\",\"Name\":\"Buyer sync\",\"Url\":\"" + url()
                + "\",\"HashKey\":\"k\",\"BeforeProcessRequest\":false,\"ApiClientIDs\":[\"admin-client\"],"
                + "\"WebhookRoutes\":[{\"Route\":\"v1/buyers\",\"Verb\":\"POST\"}]}")).isEqualTo(201);
    }

    static String buyer(String id) {
        return "{\"ID\":\"" + id + "\",\"Name\":\"" + id + "\",\"Active\":true}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
