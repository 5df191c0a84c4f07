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
 * The API while its PostgreSQL database is down: every call that needs it answers 503 {@code ServiceUnavailable} in
 * OrderCloud's error shape with {@code Retry-After}, within the pool's connection timeout (never hanging on the
 * database), and what it tried to write is not there.
 */
class DatabaseOutageTest {

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aWriteWhileTheDatabaseIsUnreachableAnswers503WithRetryAfterInOrderCloudsShape() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        try (OrderEngine engine = OrderEngine.create(cfg -> cfg.admin(AdminBootstrap.LOCAL_DEFAULTS)
                .store(Stores.postgresql(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")))
                .start("127.0.0.1", 0)) {
            String token = token(engine);
            assertThat(send(engine, token, "POST", "v1/buyers", "{\"ID\":\"b1\",\"Name\":\"One\"}").statusCode()).isEqualTo(201);

            pg.close();

            HttpResponse<String> refused = send(engine, token, "POST", "v1/buyers", "{\"ID\":\"b2\",\"Name\":\"Two\"}");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            JsonNode error = OrderCloudJson.mapper().readTree(refused.body()).path("Errors").get(0);
            assertThat(error.path("ErrorCode").asText()).isEqualTo("ServiceUnavailable");
            assertThat(error.path("Message").asText()).startsWith("The service is temporarily unavailable: ").endsWith(" Retry later.");
            assertThat(refused.body()).doesNotContain("Exception").doesNotContain("jdbc:");
        } finally {
            try {
                pg.close();
            } catch (IOException ignored) {
                // stopped by the test
            }
        }
    }

    private String token(OrderEngine engine) throws IOException, InterruptedException {
        String form = "client_id=admin-client&client_secret=admin-secret&grant_type=password&username=admin"
                + "&password=admin-password&scope=FullAccess";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(engine.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return OrderCloudJson.mapper().readTree(r.body()).path("access_token").asText();
    }

    private HttpResponse<String> send(OrderEngine engine, String token, String method, String path, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(engine.baseUrl() + "/" + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
