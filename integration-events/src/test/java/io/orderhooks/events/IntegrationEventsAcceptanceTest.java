package io.orderhooks.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import io.javalin.Javalin;
import io.orderhooks.core.http.JdkHttpServerAdapter;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.OrderApprovedResponse;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderSubmitForApprovalResponse;
import io.orderhooks.core.model.OrderSubmitResponse;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.events.testkit.Worksheets;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every suffix and every bad-input case over real HTTP, in Javalin on a random port. */
class IntegrationEventsAcceptanceTest {

    static final String KEY = "integration-hash-key";
    static final AtomicInteger submits = new AtomicInteger();
    static IntegrationEventsDispatcher dispatcher;
    static Javalin app;
    static final HttpClient http = HttpClient.newHttpClient();
    static final byte[] body = CheckoutRequests.bytes(CheckoutRequests.payload(
            Worksheets.order("o-100").line("SHIRT", 2, "12.00").line("MUG", 1, "8.50").build()));

    @BeforeAll
    static void start() {
        dispatcher = IntegrationEventsDispatcher.builder().hashKeys(KEY).maxBodyBytes(64 * 1024)
                .shippingRates(ShippingRatesHandler.flatRate("ground", "Ground", new java.math.BigDecimal("6.95"), 4))
                .orderCalculate(e -> {
                    if (e.lineItems().size() > 2) {
                        throw new UnsupportedOperationException("bug with " + e.lineItems().size() + " lines");
                    }
                    return OrderCalculateResponse.builder().taxTotal(new java.math.BigDecimal("2.23")).build();
                })
                .orderSubmit(e -> new OrderSubmitResponse(null, null, xp("Submitted", e.orderID() + "#" + submits.incrementAndGet()), null))
                .orderSubmitForApproval(e -> new OrderSubmitForApprovalResponse(null, null, xp("Pending", e.orderID()), null))
                .orderApproved(e -> new OrderApprovedResponse(null, null, xp("Approved", e.orderID()), null))
                .build();
        app = Javalin.create(cfg -> cfg.registerPlugin(IntegrationEventsPlugin.at("/integration", dispatcher))).start(0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        dispatcher.close();
    }

    static JsonNode xp(String key, String value) {
        return JsonNodeFactory.instance.objectNode().put(key, value);
    }

    static HttpResponse<String> send(String method, String path, String contentType, String hash, byte[] bytes) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .method(method, bytes == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (hash != null) {
            request.header("X-oc-hash", hash);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, byte[] bytes) throws Exception {
        return send("POST", path, "application/json", ReferenceSignature.sign(KEY, bytes), bytes);
    }

    static JsonNode error(HttpResponse<String> response) throws Exception {
        return OrderCloudJson.mapper().readTree(response.body()).get("Errors").get(0);
    }

    @ParameterizedTest
    @EnumSource(value = CheckoutEventType.class, names = "ORDER_RETURN_CALCULATE", mode = EnumSource.Mode.EXCLUDE)
    void answersEverySuffixWithItsTypedJson(CheckoutEventType event) throws Exception {
        HttpResponse<String> response = post("/integration/" + event.suffix(), body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode json = OrderCloudJson.mapper().readTree(response.body());
        switch (event) {
            case SHIPPING_RATES -> assertThat(json.at("/ShipEstimates/0/ShipMethods/0/Cost").decimalValue()).isEqualByComparingTo("6.95");
            case ORDER_CALCULATE -> assertThat(json.get("TaxTotal").decimalValue()).isEqualByComparingTo("2.23");
            case ORDER_SUBMIT -> assertThat(json.at("/xp/Submitted").asText()).startsWith("o-100#");
            case ORDER_SUBMIT_FOR_APPROVAL -> assertThat(json.at("/xp/Pending").asText()).isEqualTo("o-100");
            case ORDER_APPROVED -> assertThat(json.at("/xp/Approved").asText()).isEqualTo("o-100");
            default -> throw new AssertionError("not a checkout event: " + event);
        }
    }

    @Test
    void answersTheHealthRouteListingTheEvents() throws Exception {
        HttpResponse<String> response = send("GET", "/integration/health", null, null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"Status\":\"OK\",\"Events\":[\"shippingrates\",\"ordercalculate\","
                + "\"ordersubmit\",\"ordersubmitforapproval\",\"orderapproved\"]}");
    }

    @Test
    void rejectsAMissingOrWrongSignatureWith401() throws Exception {
        assertThat(send("POST", "/integration/ordercalculate", "application/json", null, body).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = send("POST", "/integration/ordercalculate", "application/json",
                ReferenceSignature.sign("another-key", body), body);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(error(wrong).get("ErrorCode").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void answersMalformedJsonWith400NamingWhereParsingFailed() throws Exception {
        byte[] bad = "{\"OrderWorksheet\": {\"Order\": [}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> response = post("/integration/shippingrates", bad);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).get("Message").asText()).contains("line 1 column");
        assertThat(response.body()).doesNotContain("at com.fasterxml");
    }

    @Test
    void answersAWrongContentTypeWith415() throws Exception {
        HttpResponse<String> response = send("POST", "/integration/ordersubmit", "text/xml", ReferenceSignature.sign(KEY, body), body);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(error(response).get("ErrorCode").asText()).isEqualTo("Request.InvalidContentType");
    }

    @Test
    void answersABodyOverTheLimitWith413() throws Exception {
        byte[] huge = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        HttpResponse<String> response = post("/integration/ordercalculate", huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(error(response).get("ErrorCode").asText()).isEqualTo("Request.TooLarge");
    }

    @Test
    void answersAnUnknownPathWith404AndAWrongMethodWith405() throws Exception {
        HttpResponse<String> unknown = post("/integration/ordercancel", body);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(error(unknown).get("ErrorCode").asText()).isEqualTo("NotFound");

        HttpResponse<String> wrongMethod = send("PUT", "/integration/ordersubmit", "application/json", null, body);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void answersAHandlerBugWith500AndACorrelationIdOnly() throws Exception {
        byte[] threeLines = CheckoutRequests.bytes(CheckoutRequests.payload(Worksheets.order("o-bug")
                .line("A", 1, "1.00").line("B", 1, "1.00").line("C", 1, "1.00").build()));
        HttpResponse<String> response = post("/integration/ordercalculate", threeLines);

        assertThat(response.statusCode()).isEqualTo(500);
        String correlationId = response.headers().firstValue("X-Correlation-ID").orElseThrow();
        assertThat(error(response).get("Data").get("CorrelationID").asText()).isEqualTo(correlationId);
        assertThat(response.body()).doesNotContain("UnsupportedOperationException").doesNotContain("bug with");
    }

    @Test
    void replaysARedeliveredSubmitOverHttp() throws Exception {
        byte[] order = CheckoutRequests.bytes(CheckoutRequests.payload(Worksheets.order("o-replay").line("A", 1, "1.00").build()));
        HttpResponse<String> first = post("/integration/ordersubmit", order);
        HttpResponse<String> second = post("/integration/ordersubmit", order);

        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("X-Idempotent-Replay")).hasValue("true");
    }

    @Test
    void servesTheSameDispatcherFromTheJdkHttpServerWithoutJavalin() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        JdkHttpServerAdapter.mount(server, "/oc", dispatcher.maxBodyBytes(), dispatcher);
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oc/ordercalculate");
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .header("X-oc-hash", ReferenceSignature.sign(KEY, body)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(OrderCloudJson.mapper().readTree(ok.body()).get("TaxTotal").decimalValue()).isEqualByComparingTo("2.23");
            assertThat(unsigned.statusCode()).isEqualTo(401);
        } finally {
            server.stop(0);
        }
    }
}
