package io.orderhooks.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.core.http.HttpHeaders;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderSubmitResponse;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.signing.OcHash;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.events.testkit.TestDispatcherClient;
import io.orderhooks.events.testkit.Worksheets;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IntegrationEventsDispatcherTest {

    record ShopConfig(String region, BigDecimal surcharge) {}

    final AtomicReference<CheckoutEvent> seen = new AtomicReference<>();
    final IntegrationEventsDispatcher dispatcher = IntegrationEventsDispatcher.builder()
            .hashKeys("current-key", "old-key")
            .hashKeys(CheckoutEventType.ORDER_SUBMIT, "submit-key")
            .maxBodyBytes(4096)
            .orderCalculate(event -> {
                seen.set(event);
                if (event.orderID().equals("refused")) {
                    throw new CheckoutException("Tax.AddressNotTaxable", "We cannot tax this address",
                            JsonNodeFactory.instance.objectNode().put("State", "ZZ"), 422);
                }
                if (event.orderID().equals("buggy")) {
                    throw new IllegalStateException("secret internals");
                }
                ShopConfig config = event.configData(ShopConfig.class);
                return OrderCalculateResponse.builder().feeTotal(config == null ? null : config.surcharge()).build();
            })
            .orderSubmit(event -> new OrderSubmitResponse(null, null, JsonNodeFactory.instance.objectNode().put("ExportID", "x-" + event.orderID()), null))
            .build();
    final OrderWorksheet worksheet = Worksheets.order("o1").line("SHIRT", 2, "12.00").build();
    final byte[] body = CheckoutRequests.bytes(CheckoutRequests.payload(worksheet));

    @AfterEach
    void close() {
        dispatcher.close();
    }

    RawRequest request(String method, String path, String contentType, String hash, byte[] bytes) {
        HttpHeaders headers = hash == null ? HttpHeaders.of("Content-Type", contentType)
                : HttpHeaders.of("Content-Type", contentType, "x-oc-hash", hash);
        return new RawRequest(method, path, headers, bytes);
    }

    JsonNode error(RawResponse response) throws Exception {
        return OrderCloudJson.mapper().readTree(response.body()).get("Errors").get(0);
    }

    @Test
    void handsTheHandlerTheWorksheetEnvironmentTokenAndTypedConfigData() throws Exception {
        TestDispatcherClient client = TestDispatcherClient.of(dispatcher, "current-key")
                .withConfigData(new ShopConfig("north", new BigDecimal("2.50")));

        OrderCalculateResponse answer = client.calculate(worksheet);

        assertThat(answer.feeTotal()).isEqualByComparingTo("2.50");
        CheckoutEvent event = seen.get();
        assertThat(event.type()).isEqualTo(CheckoutEventType.ORDER_CALCULATE);
        assertThat(OrderCloudJson.mapper().writeValueAsString(event.worksheet()))
                .isEqualTo(OrderCloudJson.mapper().writeValueAsString(worksheet));
        assertThat(event.environment()).isEqualTo("Sandbox");
        assertThat(event.accessToken()).isEqualTo(CheckoutRequests.TEST_ACCESS_TOKEN);
        assertThat(event.configData().get("Region").asText()).isEqualTo("north");
    }

    @Test
    void acceptsARotatedKeyAndThePerEventKeyOnly() {
        assertThat(dispatcher.handle(CheckoutRequests.signed(CheckoutEventType.ORDER_CALCULATE, body, "old-key")).status()).isEqualTo(200);
        assertThat(dispatcher.handle(CheckoutRequests.signed(CheckoutEventType.ORDER_SUBMIT, body, "submit-key")).status()).isEqualTo(200);
        assertThat(dispatcher.handle(CheckoutRequests.signed(CheckoutEventType.ORDER_SUBMIT, body, "current-key")).status()).isEqualTo(401);
    }

    @Test
    void rejectsAMissingSignatureWith401() throws Exception {
        RawResponse response = dispatcher.handle(CheckoutRequests.unsigned(CheckoutEventType.ORDER_CALCULATE, body));

        assertThat(response.status()).isEqualTo(401);
        assertThat(error(response).get("ErrorCode").asText()).isEqualTo("Unauthorized");
        assertThat(seen.get()).isNull();
    }

    @Test
    void rejectsATamperedBodyWith401BeforeParsing() throws Exception {
        String hash = OcHash.sign("current-key", body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("12.00", "1.00").getBytes(StandardCharsets.UTF_8);

        RawResponse response = dispatcher.handle(request("POST", "/ordercalculate", "application/json", hash, tampered));

        assertThat(response.status()).isEqualTo(401);
        assertThat(error(response).get("Message").asText()).startsWith("X-oc-hash header does not match");
        assertThat(seen.get()).isNull();
    }

    @Test
    void answersMalformedJsonWith400NamingLineAndColumn() throws Exception {
        byte[] bad = "{\"OrderWorksheet\":\n  {\"Order\": {\"ID\": \"o1\",}}}".getBytes(StandardCharsets.UTF_8);

        RawResponse response = dispatcher.handle(CheckoutRequests.signed(CheckoutEventType.ORDER_CALCULATE, bad, "current-key"));

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = error(response);
        assertThat(error.get("ErrorCode").asText()).isEqualTo("Request.InvalidJson");
        assertThat(error.get("Data").get("Line").asInt()).isEqualTo(2);
        assertThat(error.get("Message").asText()).contains("line 2 column");
    }

    @Test
    void answersAWronglyTypedFieldWith400NamingItsPath() throws Exception {
        byte[] bad = "{\"OrderWorksheet\":{\"Order\":{\"ID\":\"o1\"},\"LineItems\":[{\"ID\":\"l1\",\"Quantity\":\"many\"}]}}"
                .getBytes(StandardCharsets.UTF_8);

        RawResponse response = dispatcher.handle(CheckoutRequests.signed(CheckoutEventType.ORDER_CALCULATE, bad, "current-key"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(error(response).get("Data").get("Path").asText()).isEqualTo("OrderWorksheet.LineItems[0].Quantity");
    }

    @Test
    void answersAPayloadWithoutAWorksheetOrderIdWith400() throws Exception {
        byte[] bad = "{\"OrderWorksheet\":{\"Order\":{}}}".getBytes(StandardCharsets.UTF_8);

        RawResponse response = dispatcher.handle(CheckoutRequests.signed(CheckoutEventType.ORDER_CALCULATE, bad, "current-key"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(error(response).get("Message").asText()).isEqualTo("Malformed JSON at OrderWorksheet.Order.ID: OrderWorksheet.Order.ID is required");
    }

    @Test
    void answersAWrongContentTypeWith415() throws Exception {
        RawResponse response = dispatcher.handle(request("POST", "/ordercalculate", "text/plain", OcHash.sign("current-key", body), body));

        assertThat(response.status()).isEqualTo(415);
        assertThat(error(response).get("ErrorCode").asText()).isEqualTo("Request.InvalidContentType");
    }

    @Test
    void answersABodyOverTheLimitWith413() throws Exception {
        byte[] big = new byte[4097];

        RawResponse response = dispatcher.handle(request("POST", "/ordercalculate", "application/json", null, big));

        assertThat(response.status()).isEqualTo(413);
        assertThat(error(response).get("Message").asText()).isEqualTo("Request body exceeds the limit of 4096 bytes");
    }

    @Test
    void answersAnUnknownPathAndAnUnregisteredEventWith404() throws Exception {
        assertThat(dispatcher.handle(request("POST", "/taxes", "application/json", null, body)).status()).isEqualTo(404);
        RawResponse unregistered = dispatcher.handle(CheckoutRequests.signed(CheckoutEventType.SHIPPING_RATES, body, "current-key"));
        assertThat(unregistered.status()).isEqualTo(404);
        assertThat(error(unregistered).get("ErrorCode").asText()).isEqualTo("NotFound");
    }

    @Test
    void answersAWrongMethodWith405AndAnAllowHeader() throws Exception {
        RawResponse response = dispatcher.handle(request("GET", "/ordercalculate", "application/json", null, new byte[0]));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers()).containsEntry("Allow", "POST");
        assertThat(error(response).get("ErrorCode").asText()).isEqualTo("MethodNotAllowed");
    }

    @Test
    void acceptsATrailingSlashAndAnyCaseInTheSuffix() {
        RawRequest signed = CheckoutRequests.signed(CheckoutEventType.ORDER_CALCULATE, body, "current-key");
        assertThat(dispatcher.handle(new RawRequest("POST", "/OrderCalculate/", signed.headers(), body)).status()).isEqualTo(200);
    }

    @Test
    void turnsACheckoutExceptionIntoItsStatusCodeAndData() {
        TestDispatcherClient client = TestDispatcherClient.of(dispatcher, "current-key");

        assertThatThrownBy(() -> client.calculate(Worksheets.order("refused").line("SHIRT", 1, "5.00").build()))
                .isInstanceOfSatisfying(TestDispatcherClient.ErrorAnswer.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo("Tax.AddressNotTaxable");
                    assertThat(e.error().message()).isEqualTo("We cannot tax this address");
                    assertThat(e.error().data().get("State").asText()).isEqualTo("ZZ");
                });
    }

    @Test
    void turnsAnyOtherExceptionIntoA500WithACorrelationIdAndNoInternals() {
        RawResponse response = TestDispatcherClient.of(dispatcher, "current-key")
                .send(CheckoutEventType.ORDER_CALCULATE, Worksheets.order("buggy").line("SHIRT", 1, "5.00").build());

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyText()).doesNotContain("secret internals").doesNotContain("IllegalStateException");
        String correlationId = response.headers().get("X-Correlation-ID");
        assertThat(correlationId).isNotBlank();
        assertThat(response.bodyText()).contains("\"ErrorCode\":\"ServerError\"").contains("\"CorrelationID\":\"" + correlationId + "\"");
    }

    /** What slf4j-simple writes to System.err while {@code action} runs. */
    static String logged(Runnable action) {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void logsTheCorrelationIdWithTheCauseAndEachCallWithEventOrderAndStatus() {
        AtomicReference<RawResponse> response = new AtomicReference<>();
        String log = logged(() -> response.set(TestDispatcherClient.of(dispatcher, "current-key")
                .send(CheckoutEventType.ORDER_CALCULATE, Worksheets.order("buggy").line("SHIRT", 1, "5.00").build())));

        assertThat(log).contains("correlationId=" + response.get().headers().get("X-Correlation-ID"))
                .contains("secret internals")
                .containsPattern("integration event ordercalculate order=buggy status=500 durationMs=\\d+");
    }

    @Test
    void answersConfigDataThatDoesNotBindWith400() {
        RawResponse response = TestDispatcherClient.of(dispatcher, "current-key")
                .withConfigData(JsonNodeFactory.instance.objectNode().put("Surcharge", "lots"))
                .send(CheckoutEventType.ORDER_CALCULATE, worksheet);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("\"ErrorCode\":\"IntegrationEvent.InvalidConfigData\"").contains("ShopConfig");
    }

    @Test
    void listsItsEventsInTheHealthAnswer() {
        assertThat(dispatcher.events()).containsExactlyInAnyOrder(CheckoutEventType.ORDER_CALCULATE, CheckoutEventType.ORDER_SUBMIT);
        assertThat(dispatcher.health().bodyText()).isEqualTo("{\"Status\":\"OK\",\"Events\":[\"ordercalculate\",\"ordersubmit\"]}");
    }
}
