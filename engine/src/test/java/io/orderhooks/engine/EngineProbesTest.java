package io.orderhooks.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The engine's load-balancer probes: {@code /health} (liveness) and {@code /ready} (the store answers and is
 * migrated), outside {@code v1} and without a token; {@code /ready} turns 503 when PostgreSQL stops.
 */
class EngineProbesTest {

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void anInMemoryEngineIsLiveAndReadyWithoutAToken() throws Exception {
        try (OrderEngine engine = OrderEngine.create(cfg -> cfg.admin(AdminBootstrap.LOCAL_DEFAULTS)).start("127.0.0.1", 0)) {
            HttpResponse<String> health = get(engine, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(json(health)).isEqualTo(OrderCloudJson.mapper().readTree("{\"Status\":\"OK\"}"));
            HttpResponse<String> ready = get(engine, "/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(json(ready)).isEqualTo(OrderCloudJson.mapper().readTree("{\"Status\":\"READY\",\"Checks\":{\"store\":\"OK\"}}"));
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(engine.baseUrl() + "/ready"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(json(post).path("Errors").get(0).path("ErrorCode").asText()).isEqualTo("MethodNotAllowed");
        }
    }

    @Test
    void readyAnswers503InTheProbeShapeWhenPostgresqlStopsWhileHealthStays200() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        try (OrderEngine engine = OrderEngine.create(cfg -> cfg.admin(AdminBootstrap.LOCAL_DEFAULTS)
                .store(Stores.postgresql(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")))
                .start("127.0.0.1", 0)) {
            assertThat(get(engine, "/ready").statusCode()).isEqualTo(200);

            pg.close();

            HttpResponse<String> ready = get(engine, "/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            JsonNode body = json(ready);
            assertThat(body.path("Status").asText()).isEqualTo("NOT_READY");
            assertThat(body.path("Checks").path("store").asText()).startsWith("database unreachable: ");
            assertThat(get(engine, "/health").statusCode()).isEqualTo(200);
        } finally {
            closeQuietly(pg);
        }
    }

    private HttpResponse<String> get(OrderEngine engine, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(engine.baseUrl() + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return OrderCloudJson.mapper().readTree(r.body());
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException ignored) {
            // already stopped
        }
    }
}
