package io.orderhooks.engine.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.orderhooks.engine.delivery.OutboundRequest;
import io.orderhooks.engine.delivery.Transports;
import io.orderhooks.engine.spi.DeliveryOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@link OkHttpTransport} asks a receiver about compression, and how it reads a compressed answer. */
class OkHttpTransportEncodingTest {

    private static final byte[] ANSWER = "{\"Succeeded\":true}".getBytes(StandardCharsets.UTF_8);

    private final List<String> acceptEncodings = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aDeliveryAsksForAnUncompressedAnswer() throws Exception {
        start(false);

        DeliveryOutcome outcome = transport(1024).exchange(request(Map.of("Content-Type", "application/json")), Duration.ofSeconds(5));

        assertThat(acceptEncodings).containsExactly("identity");
        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Delivered.class, d -> assertThat(d.body()).isEqualTo(ANSWER));
    }

    @Test
    void anAcceptEncodingTheRequestNamesIsSentAsIs() throws Exception {
        start(false);

        transport(1024).exchange(request(Map.of("Content-Type", "application/json", "accept-encoding", "br")), Duration.ofSeconds(5));

        assertThat(acceptEncodings).containsExactly("br");
    }

    @Test
    void anAnswerGzippedAnywayIsReadInflated() throws Exception {
        start(true);

        DeliveryOutcome outcome = transport(1024).exchange(request(Map.of("Content-Type", "application/json")), Duration.ofSeconds(5));

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Delivered.class, d -> {
            assertThat(d.status()).isEqualTo(200);
            assertThat(d.body()).isEqualTo(ANSWER);
        });
    }

    @Test
    void aGzippedAnswerInflatingPastTheLimitIsOversizeNotRead() throws Exception {
        start(true);

        DeliveryOutcome outcome = transport(ANSWER.length - 1).exchange(request(Map.of("Content-Type", "application/json")), Duration.ofSeconds(5));

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Rejected.class, r -> assertThat(r.bodyText())
                .isEqualTo("Response body exceeds the limit of " + (ANSWER.length - 1) + " bytes"));
    }

    private void start(boolean gzipAlways) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> answer(exchange, gzipAlways));
        server.start();
    }

    private void answer(HttpExchange exchange, boolean gzipAlways) throws IOException {
        exchange.getRequestBody().readAllBytes();
        acceptEncodings.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept-Encoding")));
        byte[] body = ANSWER;
        if (gzipAlways) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(ANSWER);
            }
            body = zipped.toByteArray();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static OkHttpTransport transport(int maxResponseBytes) {
        return new OkHttpTransport(Transports.defaultHttpClient(), maxResponseBytes);
    }

    private OutboundRequest request(Map<String, String> headers) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/ordercalculate";
        return new OutboundRequest(url, "/ordercalculate", "{}".getBytes(StandardCharsets.UTF_8), headers);
    }
}
