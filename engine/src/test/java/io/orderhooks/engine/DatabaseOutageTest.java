package io.orderhooks.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The API while its PostgreSQL database is down: every call that needs it answers 503 {@code ServiceUnavailable} in
 * OrderCloud's error shape with {@code Retry-After}, within the pool's connection timeout (never hanging on the
 * database), and what it tried to write is not there; the log says why, with the database's exception.
 */
class DatabaseOutageTest {

    private final AdminCalls calls = new AdminCalls();

    @Test
    void aWriteWhileTheDatabaseIsUnreachableAnswers503WithRetryAfterInOrderCloudsShape() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        try (OrderEngine engine = OrderEngine.create(cfg -> cfg.admin(AdminBootstrap.LOCAL_DEFAULTS)
                .store(Stores.postgresql(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")))
                .start("127.0.0.1", 0)) {
            String token = calls.token(engine);
            assertThat(calls.send(engine, token, "POST", "v1/buyers", "{\"ID\":\"b1\",\"Name\":\"One\"}").statusCode()).isEqualTo(201);

            pg.close();

            PrintStream stderr = System.err;
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            HttpResponse<String> refused;
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            try {
                refused = calls.send(engine, token, "POST", "v1/buyers", "{\"ID\":\"b2\",\"Name\":\"Two\"}");
            } finally {
                System.setErr(stderr);
            }
            // the operator sees why, with the database's own exception; the caller does not
            String logged = log.toString(StandardCharsets.UTF_8);
            assertThat(logged).contains("WARN").contains("POST /v1/buyers answered 503: The service is temporarily unavailable");
            // the driver's or the pool's exception (e.g. PSQLException, SQLTransientConnectionException) with its trace
            assertThat(logged.substring(logged.indexOf("answered 503"))).containsPattern("SQL\\w*Exception").contains("\tat ");
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
}
