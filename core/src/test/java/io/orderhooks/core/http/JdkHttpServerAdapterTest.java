package io.orderhooks.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkHttpServerAdapterTest {

    final AtomicReference<RawRequest> seen = new AtomicReference<>();
    HttpServer server;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        JdkHttpServerAdapter.mount(server, "/hooks/", 16, request -> {
            seen.set(request);
            if (request.path().equals("/boom")) {
                throw new IllegalStateException("handler bug");
            }
            return RawResponse.json(201, request.body()).withHeader("X-Echo", request.header("X-oc-hash"));
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .header("x-oc-hash", "abc").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void passesPathBelowTheBaseHeadersAndExactBodyAndWritesTheAnswer() throws Exception {
        HttpResponse<String> response = post("/hooks/ordercalculate", "{\"a\":1}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"a\":1}");
        assertThat(response.headers().firstValue("X-Echo")).hasValue("abc");
        assertThat(seen.get().method()).isEqualTo("POST");
        assertThat(seen.get().path()).isEqualTo("/ordercalculate");
        assertThat(new String(seen.get().body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test
    void answers413InOrderCloudsShapeWithoutCallingTheHandler() throws Exception {
        HttpResponse<String> response = post("/hooks/x", "{\"long\":\"0123456789\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"ErrorCode\":\"Request.TooLarge\"");
        assertThat(seen.get()).isNull();
    }

    @Test
    void answersAHandlerFailureWith500AndACorrelationIdNeverAStackTrace() throws Exception {
        HttpResponse<String> response = post("/hooks/boom", "{}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("\"ErrorCode\":\"ServerError\"").doesNotContain("handler bug");
        assertThat(response.headers().firstValue("X-Correlation-ID")).isPresent();
    }
}
