package io.orderhooks.javalin;

import io.orderhooks.core.http.RawResponse;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JavalinMountTest {

    final AtomicInteger handled = new AtomicInteger();
    final HttpClient http = HttpClient.newHttpClient();
    Javalin app;

    @BeforeEach
    void start() {
        app = Javalin.create(cfg -> JavalinMount.mount(cfg.routes, "/hooks", () -> 1024, request -> {
            handled.incrementAndGet();
            if (request.path().equals("/echo")) {
                return RawResponse.json(201, request.body());
            }
            if (request.path().equals("/large")) {
                return RawResponse.json(200, LARGE);
            }
            return RawResponse.json(200, ("{\"path\":\"" + request.path() + "\"}").getBytes());
        })).start(0);
    }

    /** An answer larger than Jetty's response buffer (32 KiB), so it cannot be written in one piece. */
    static final byte[] LARGE = ("{\"Items\":[" + "\"x\",".repeat(40_000) + "\"y\"]}").getBytes();

    @AfterEach
    void stop() {
        app.stop();
    }

    HttpRequest.Builder post(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).header("Content-Type", "application/json");
    }

    @Test
    void servesTheBasePathAndSubPathsWithTheSubPathRelativeToTheMount() throws Exception {
        HttpResponse<String> base = http.send(post("/hooks").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> sub = http.send(post("/hooks/ordercalculate").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(base.body()).isEqualTo("{\"path\":\"/\"}");
        assertThat(sub.body()).isEqualTo("{\"path\":\"/ordercalculate\"}");
    }

    @Test
    void aSuccessCarriesTheHandlersExactBytesStatusAndContentType() throws Exception {
        HttpResponse<byte[]> echo = http.send(post("/hooks/echo").POST(HttpRequest.BodyPublishers.ofString("{\"A\":1}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> large = http.send(post("/hooks/large").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(echo.statusCode()).isEqualTo(201);
        assertThat(new String(echo.body())).isEqualTo("{\"A\":1}");
        assertThat(echo.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        assertThat(large.statusCode()).isEqualTo(200);
        assertThat(large.body()).isEqualTo(LARGE);
    }

    @Test
    void everyOversizeUploadGetsA413RatherThanAReset() throws Exception {
        byte[] big = new byte[512 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> sized = http.send(post("/hooks/x").POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(sized.statusCode()).isEqualTo(413);
            assertThat(sized.body()).contains("\"ErrorCode\":\"Request.TooLarge\"").contains("1024 bytes");
        }
        HttpResponse<String> chunked = http.send(post("/hooks/x")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(handled).hasValue(0);
    }
}
