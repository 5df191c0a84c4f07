package io.orderhooks.engine.internal.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.engine.AdminBootstrap;
import io.orderhooks.engine.OrderEngine;
import io.orderhooks.engine.WebhookSinks;
import io.orderhooks.engine.delivery.RetrySchedule;
import io.orderhooks.engine.internal.api.testing.NodeProject;
import io.orderhooks.engine.spi.DeliveryRecord;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The delivery-log page in a real browser (Debian's chromium driven by {@code playwright-core} from
 * {@code ui-tests/}): a real engine posts post-webhooks over HTTP to a middleware whose "flaky" endpoint fails
 * its first call; the page logs in through {@code /oauth/token}, filters, opens the dead-lettered delivery,
 * redelivers it and shows the new, successful attempt. Installs chromium with apt-get when it is missing and
 * skips (with the reason) only where that is impossible.
 */
@Tag("browser")
class DeliveryLogPageBrowserTest {

    static final AdminBootstrap ADMIN = new AdminBootstrap("admin-client", "ui-secret", "admin", "ui-password");
    final HttpClient http = HttpClient.newHttpClient();
    final AtomicInteger flakyCalls = new AtomicInteger();
    HttpServer middleware;
    OrderEngine engine;

    @BeforeEach
    void start() throws Exception {
        middleware = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        middleware.createContext("/hooks/", exchange -> {
            boolean fail = exchange.getRequestURI().getPath().endsWith("/flaky") && flakyCalls.incrementAndGet() == 1;
            byte[] body = (fail ? "{\"Errors\":[{\"ErrorCode\":\"ExportDown\",\"Message\":\"ERP unavailable\"}]}" : "{}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(fail ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        middleware.start();
        engine = OrderEngine.create(cfg -> cfg.admin(ADMIN).clock(Clock.systemUTC())
                .webhooks(WebhookSinks.http(s -> s.schedule(RetrySchedule.of(0)))))
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        middleware.stop(0);
    }

    @Test
    void logsInFiltersOpensADeliveryRedeliversItAndShowsTheNewAttempt() throws Exception {
        ensureChromium();
        NodeProject ui = NodeProject.locate("ui-tests");
        ui.install();
        String token = adminToken();
        String hooks = "http://127.0.0.1:" + middleware.getAddress().getPort() + "/hooks/";
        for (String id : List.of("wh-flaky", "wh-steady")) {
            call("POST", "v1/webhooks", token, "{\"ID\":\"" + id + "\",\"Name\":\"" + id + "\",\"Url\":\"" + hooks
                    + id.substring(3) + "\",\"HashKey\":\"k\",\"ApiClientIDs\":[\"admin-client\"],"
                    + "\"WebhookRoutes\":[{\"Route\":\"v1/buyers\",\"Verb\":\"POST\"}]}", 201);
        }
        call("POST", "v1/buyers", token, "{\"ID\":\"b-ui\",\"Name\":\"Browser Buyer\",\"Active\":true}", 201);
        assertThat(engine.awaitWebhooksSent(Duration.ofSeconds(20))).isTrue();
        DeliveryRecord failed = engine.deliveryLog().list(io.orderhooks.engine.spi.DeliveryLog.Query.ALL).stream()
                .filter(r -> r.endpointID().equals("wh-flaky")).findFirst().orElseThrow();
        assertThat(failed.deadLetter()).isTrue();

        NodeProject.Result run = ui.run(List.of("node", "delivery-log.mjs"), Map.of("BASE_URL", engine.baseUrl(),
                "ADMIN_CLIENT_SECRET", ADMIN.clientSecret(), "ADMIN_USERNAME", ADMIN.username(), "ADMIN_PASSWORD", "ui-password", "FLAKY_ENDPOINT", "wh-flaky",
                "STEADY_ENDPOINT", "wh-steady"), 180);

        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode seen = OrderCloudJson.mapper().readTree(run.stdout().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(seen.get("failedLogin").asText()).startsWith("Login failed: ");
        assertThat(seen.get("allRows").asInt()).isEqualTo(2);
        assertThat(seen.get("breakers").toString()).contains("[\"webhooks\",\"wh-flaky\",\"CLOSED\"")
                .contains("[\"webhooks\",\"wh-steady\",\"CLOSED\"");
        assertThat(seen.get("deliveryID").asText()).isEqualTo(failed.id());
        assertThat(seen.at("/fields/Outcome").asText()).isEqualTo("REJECTED");
        assertThat(seen.at("/fields/HTTP status").asText()).isEqualTo("503");
        assertThat(seen.get("request").asText()).contains("\"ID\": \"b-ui\"").contains("\"Verb\": \"POST\"");
        assertThat(seen.get("response").asText()).contains("ERP unavailable");
        JsonNode attempts = seen.get("attempts");
        assertThat(attempts.get(0).get(0).asText()).isEqualTo(failed.id());
        assertThat(attempts.get(1).get(3).asText()).isEqualTo("DELIVERED");
        assertThat(attempts.get(1).get(4).asText()).isEqualTo("200");
        assertThat(attempts.get(1).get(6).asText()).isEqualTo(failed.id());
        assertThat(seen.get("message").asText()).startsWith("Redelivered " + failed.id() + " as ").contains("DELIVERED (HTTP 200)");
        assertThat(flakyCalls.get()).isEqualTo(2);
        assertThat(engine.deliveryLog().list(io.orderhooks.engine.spi.DeliveryLog.Query.ALL))
                .anyMatch(r -> failed.id().equals(r.redeliveryOf()) && r.succeeded());
    }

    /** Runs {@code ui-tests/ensure-chromium.sh}; aborts (skips) the test with its reason when it cannot install. */
    static void ensureChromium() throws Exception {
        NodeProject.Result r = NodeProject.locate("ui-tests").run(List.of("sh", "ensure-chromium.sh"), Map.of(), 900);
        Assumptions.assumeTrue(r.exitCode() == 0,
                () -> "Chromium is not installed and cannot be installed here, skipping the browser test: " + r.output());
    }

    String adminToken() throws Exception {
        String form = "grant_type=client_credentials&client_id=admin-client&client_secret=ui-secret&scope=FullAccess";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(engine.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return OrderCloudJson.mapper().readTree(r.body()).get("access_token").asText();
    }

    void call(String method, String path, String token, String json, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(engine.baseUrl() + "/" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
    }
}
