package io.orderhooks.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.PreWebhookResponse;
import io.orderhooks.core.signing.OcHash;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.ShippingRatesHandler;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.events.testkit.Worksheets;
import io.orderhooks.webhooks.WebhooksDispatcher;
import java.math.BigDecimal;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both dispatchers mounted with {@link RawHandlerServlet} in a real Jetty ee10 servlet container under a context
 * path, answered over HTTP with signed requests: the published hash vector and every bad-input status the
 * Javalin plugin answers.
 */
class RawHandlerServletJettyTest {

    static final String KEY = "myhashkey";
    /** OrderCloud's published vector (cat-net's tests): this body signed with {@code myhashkey}. */
    static final byte[] VECTOR_BODY = ("{\"Route\":\"v1/buyers/{buyerID}/addresses/{addressID}\",\"Verb\":\"PUT\","
            + "\"Request\":{\"Body\":{\"City\":\"Minneapolis\"}},\"ConfigData\":{\"Foo\":\"blah\"}}")
            .getBytes(StandardCharsets.UTF_8);
    static final String VECTOR_HASH = "4NPw1O9AviSOC1A3C+HqkDutRLNwyABneY/3M2OqByE=";
    static final byte[] WORKSHEET = CheckoutRequests.bytes(CheckoutRequests.payload(
            Worksheets.order("o-servlet").line("SHIRT", 2, "12.00").line("MUG", 1, "8.50").build()));

    static final HttpClient http = HttpClient.newHttpClient();
    static IntegrationEventsDispatcher events;
    static WebhooksDispatcher webhooks;
    static Server jetty;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        events = IntegrationEventsDispatcher.builder().hashKeys(KEY).maxBodyBytes(64 * 1024)
                .shippingRates(ShippingRatesHandler.flatRate("ground", "Ground", new BigDecimal("6.95"), 4))
                .orderCalculate(e -> {
                    if (e.lineItems().size() > 2) {
                        throw new UnsupportedOperationException("bug with " + e.lineItems().size() + " lines");
                    }
                    return OrderCalculateResponse.builder().taxTotal(new BigDecimal("2.23")).build();
                })
                .build();
        webhooks = WebhooksDispatcher.builder().hashKeys(KEY)
                .preHook("PUT", "v1/buyers/{buyerID}/addresses/{addressID}", e -> PreWebhookResponse.proceed())
                .build();
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/shop");
        context.addServlet(new ServletHolder(new RawHandlerServlet(events, events.maxBodyBytes())), "/integration/*");
        context.addServlet(new ServletHolder(new RawHandlerServlet(webhooks)), "/webhooks/*");
        jetty.setHandler(context);
        jetty.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + "/shop";
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
        events.close();
        webhooks.close();
    }

    static HttpResponse<String> send(String method, String path, String contentType, String hash, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (hash != null) {
            request.header(OcHash.HEADER, hash);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> signed(String path, byte[] body) throws Exception {
        return send("POST", path, "application/json", OcHash.sign(KEY, body), body);
    }

    static JsonNode firstError(HttpResponse<String> response) throws Exception {
        return OrderCloudJson.mapper().readTree(response.body()).get("Errors").get(0);
    }

    @Test
    void answersThePublishedHashVectorOnTheMappingItself() throws Exception {
        HttpResponse<String> response = send("POST", "/webhooks", "application/json", VECTOR_HASH, VECTOR_BODY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"proceed\":true,\"body\":null}");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    }

    @Test
    void answersEveryCheckoutEventBelowTheMapping() throws Exception {
        for (CheckoutEventType event : CheckoutEventType.values()) {
            HttpResponse<String> response = signed("/integration/" + event.suffix(), WORKSHEET);
            int expected = event == CheckoutEventType.SHIPPING_RATES || event == CheckoutEventType.ORDER_CALCULATE ? 200 : 404;
            assertThat(response.statusCode()).as(event.suffix()).isEqualTo(expected);
        }
        JsonNode calculated = OrderCloudJson.mapper().readTree(signed("/integration/ordercalculate", WORKSHEET).body());
        assertThat(calculated.get("TaxTotal").decimalValue()).isEqualByComparingTo("2.23");
    }

    @Test
    void refusesTheVectorBodyWithAnotherHashOrNoneWith401() throws Exception {
        HttpResponse<String> wrong = send("POST", "/webhooks", "application/json",
                "4NPw1O9AviSOC1A3C+HqkDutRLNwyABneY/3M2OqByF=", VECTOR_BODY);
        HttpResponse<String> missing = send("POST", "/webhooks", "application/json", null, VECTOR_BODY);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(firstError(missing).get("ErrorCode").asText()).isEqualTo("Unauthorized");
        assertThat(firstError(missing).get("Message").asText())
                .isEqualTo("X-oc-hash header does not match. Endpoint can only be hit from a valid OrderCloud webhook.");
    }

    @Test
    void answersMalformedJsonWith400NamingWhereParsingFailed() throws Exception {
        byte[] bad = "{\"OrderWorksheet\": {\"Order\": [}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = signed("/integration/shippingrates", bad);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(firstError(response).get("ErrorCode").asText()).isEqualTo("Request.InvalidJson");
        assertThat(firstError(response).get("Message").asText()).contains("line 1 column");
        assertThat(response.body()).doesNotContain("at com.fasterxml");
    }

    @Test
    void answersAWrongContentTypeWith415() throws Exception {
        HttpResponse<String> response = send("POST", "/integration/ordercalculate", "text/xml",
                OcHash.sign(KEY, WORKSHEET), WORKSHEET);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(firstError(response).get("ErrorCode").asText()).isEqualTo("Request.InvalidContentType");
        assertThat(firstError(response).get("Message").asText()).isEqualTo("Content-Type must be application/json, was text/xml");
    }

    @Test
    void answersABodyOverTheLimitWith413WithoutBufferingIt() throws Exception {
        byte[] huge = new byte[64 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');
        HttpResponse<String> response = signed("/integration/ordercalculate", huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(firstError(response).get("ErrorCode").asText()).isEqualTo("Request.TooLarge");
        assertThat(firstError(response).get("Message").asText()).isEqualTo("Request body exceeds the limit of 65536 bytes");
    }

    @Test
    void answersAnUnknownPathWith404AndAWrongMethodWith405() throws Exception {
        HttpResponse<String> unknown = signed("/integration/ordercancel", WORKSHEET);
        HttpResponse<String> wrongMethod = send("PUT", "/integration/ordercalculate", "application/json", null, WORKSHEET);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(firstError(unknown).get("ErrorCode").asText()).isEqualTo("NotFound");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(firstError(wrongMethod).get("ErrorCode").asText()).isEqualTo("MethodNotAllowed");
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void answersAHandlerBugWith500AndACorrelationIdOnly() throws Exception {
        byte[] threeLines = CheckoutRequests.bytes(CheckoutRequests.payload(Worksheets.order("o-bug")
                .line("A", 1, "1.00").line("B", 1, "1.00").line("C", 1, "1.00").build()));
        HttpResponse<String> response = signed("/integration/ordercalculate", threeLines);

        assertThat(response.statusCode()).isEqualTo(500);
        String correlationId = response.headers().firstValue("X-Correlation-ID").orElseThrow();
        assertThat(firstError(response).get("Data").get("CorrelationID").asText()).isEqualTo(correlationId);
        assertThat(response.body()).doesNotContain("UnsupportedOperationException").doesNotContain("bug with");
    }

    @Test
    void answersABodyTheClientAbandonsMidwayWith400RequestAbortedNot500() throws Exception {
        int port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1, base.indexOf("/shop")));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /shop/integration/ordercalculate HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"Order\":")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400 ").contains("{\"Errors\":[{\"ErrorCode\":\"Request.Aborted\","
                    + "\"Message\":\"The request body was not received completely\"");
        }
    }
}
