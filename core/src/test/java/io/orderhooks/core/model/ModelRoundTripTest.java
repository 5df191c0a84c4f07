package io.orderhooks.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.json.OrderCloudJson;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Realistic payloads survive parse → serialize with no field or value lost. */
class ModelRoundTripTest {

    final ObjectMapper json = OrderCloudJson.mapper();

    static JsonNode sample(String name) throws IOException {
        try (InputStream in = ModelRoundTripTest.class.getResourceAsStream("/samples/" + name)) {
            return OrderCloudJson.mapper().readTree(in);
        }
    }

    <T> JsonNode roundTrip(JsonNode original, Class<T> type) throws IOException {
        T typed = json.treeToValue(original, type);
        return json.readTree(json.writeValueAsBytes(typed));
    }

    @Test
    void worksheetRoundTripsEveryFieldAndValue() throws Exception {
        JsonNode original = sample("worksheet.json");
        JsonNode again = roundTrip(original, OrderWorksheet.class);
        assertSameJson(original, again, "OrderWorksheet");
    }

    @Test
    void worksheetIsTypedAsExpected() throws Exception {
        OrderWorksheet ws = json.treeToValue(sample("worksheet.json"), OrderWorksheet.class);
        assertThat(ws.order().status()).isEqualTo(OrderStatus.Unsubmitted);
        assertThat(ws.order().total()).isEqualByComparingTo("133.67");
        assertThat(ws.lineItems()).extracting(LineItem::id).containsExactly("line-1", "line-2", "line-3");
        assertThat(ws.lineItems().get(0).specs().get(0).priceMarkup()).isEqualByComparingTo("2.00");
        assertThat(ws.lineItems().get(1).variant().xp().get("Color").asText()).isEqualTo("blue");
        assertThat(ws.lineItems().get(1).invitationID()).isEqualTo("inv-lunch");
        assertThat(ws.orderPromotions().get(0).code()).isEqualTo("MUGS10");
        assertThat(ws.shipEstimateResponse().shipEstimates()).hasSize(2);
        assertThat(ws.shipEstimateResponse().shipEstimates().get(1).shipMethods()).extracting(ShipMethod::id)
                .containsExactly("ground", "pickup");
        assertThat(ws.orderCalculateResponse().lineItemOverrides().get(0).promotionOverrides().get(0).amount())
                .isEqualByComparingTo("10.00");
        assertThat(ws.orderApprovedResponse().succeeded()).isFalse();
    }

    @Test
    void checkoutPayloadRoundTrips() throws Exception {
        ObjectNode payload = (ObjectNode) sample("checkout-payload-head.json");
        payload.set("OrderWorksheet", sample("worksheet.json"));
        JsonNode again = roundTrip(payload, CheckoutPayload.class);
        assertSameJson(payload, again, "CheckoutPayload");
        CheckoutPayload typed = json.treeToValue(payload, CheckoutPayload.class);
        assertThat(typed.environment()).isEqualTo("Sandbox");
        assertThat(typed.configData().get("Rates").get("apparel").decimalValue()).isEqualTo(new BigDecimal("0.06875"));
    }

    @Test
    void webhookPayloadRoundTrips() throws Exception {
        JsonNode original = sample("webhook-payload.json");
        assertSameJson(original, roundTrip(original, WebhookPayload.class), "WebhookPayload");
        WebhookPayload typed = json.treeToValue(original, WebhookPayload.class);
        assertThat(typed.routeParams()).containsEntry("invitationID", "inv-1");
        assertThat(typed.request().body().get("Amount").decimalValue()).isEqualTo(new BigDecimal("19.99"));
        assertThat(typed.date().getNano()).isEqualTo(650_464_500);
    }

    @Test
    void responsesRoundTrip() throws Exception {
        JsonNode ship = sample("worksheet.json").get("ShipEstimateResponse");
        assertSameJson(ship, roundTrip(ship, ShipEstimateResponse.class), "ShipEstimateResponse");
        JsonNode calc = sample("worksheet.json").get("OrderCalculateResponse");
        assertSameJson(calc, roundTrip(calc, OrderCalculateResponse.class), "OrderCalculateResponse");
        JsonNode submit = json.readTree("{\"HttpStatusCode\":null,\"UnhandledErrorBody\":null,\"xp\":{\"ExportID\":\"x-1\"},\"Succeeded\":null}");
        assertSameJson(submit, roundTrip(submit, OrderSubmitResponse.class), "OrderSubmitResponse");
        assertSameJson(submit, roundTrip(submit, OrderSubmitForApprovalResponse.class), "OrderSubmitForApprovalResponse");
        assertSameJson(submit, roundTrip(submit, OrderApprovedResponse.class), "OrderApprovedResponse");
        JsonNode selection = json.readTree("{\"ShipMethodSelections\":[{\"ShipEstimateID\":\"e1\",\"ShipMethodID\":\"ground\"}]}");
        assertSameJson(selection, roundTrip(selection, OrderShipMethodSelection.class), "OrderShipMethodSelection");
    }

    @Test
    void preWebhookResponseIsLowerCase() throws Exception {
        assertThat(json.writeValueAsString(PreWebhookResponse.proceed())).isEqualTo("{\"proceed\":true,\"body\":null}");
        assertThat(json.writeValueAsString(PreWebhookResponse.block("Access Denied")))
                .isEqualTo("{\"proceed\":false,\"body\":\"Access Denied\"}");
        PreWebhookResponse read = json.readValue("{\"proceed\":false,\"body\":{\"Reason\":\"domain\"}}", PreWebhookResponse.class);
        assertThat(read.shouldProceed()).isFalse();
        assertThat(read.body().get("Reason").asText()).isEqualTo("domain");
    }

    @Test
    void errorEnvelopeHasOrderCloudsShape() throws Exception {
        assertThat(json.writeValueAsString(ErrorResponse.of("NotFound", "Order not found: x")))
                .isEqualTo("{\"Errors\":[{\"ErrorCode\":\"NotFound\",\"Message\":\"Order not found: x\",\"Data\":null}]}");
    }

    @Test
    void listEnvelopeHasOneBasedItemRange() throws Exception {
        ListPage<String> page = ListPage.of(List.of("a", "b", "c", "d", "e"), 2, 20, 25);
        assertThat(json.writeValueAsString(page)).isEqualTo("{\"Meta\":{\"Page\":2,\"PageSize\":20,\"TotalCount\":25,"
                + "\"TotalPages\":2,\"ItemRange\":[21,25],\"NextPageKey\":null},\"Items\":[\"a\",\"b\",\"c\",\"d\",\"e\"]}");
        assertThat(ListPage.of(List.of(), 1, 20, 0).meta().itemRange()).containsExactly(0, 0);
        assertThat(ListPage.of(List.of(), 1, 20, 0).meta().totalPages()).isZero();
    }

    /** Every field of {@code expected} is in {@code actual} with an equal value (numbers compared by value). */
    static void assertSameJson(JsonNode expected, JsonNode actual, String path) {
        if (expected.isNumber() && actual != null && actual.isNumber()) {
            assertThat(actual.decimalValue()).as(path).isEqualByComparingTo(expected.decimalValue());
            return;
        }
        if (expected.isTextual() && looksLikeDate(expected.asText()) && actual != null && actual.isTextual()) {
            assertThat(java.time.OffsetDateTime.parse(actual.asText()).toInstant())
                    .as(path).isEqualTo(java.time.OffsetDateTime.parse(expected.asText()).toInstant());
            return;
        }
        assertThat(actual).as(path + " present").isNotNull();
        assertThat(actual.getNodeType()).as(path + " type").isEqualTo(expected.getNodeType());
        if (expected.isObject()) {
            expected.fieldNames().forEachRemaining(name -> {
                assertThat(actual.has(name)).as(path + "." + name + " kept").isTrue();
                assertSameJson(expected.get(name), actual.get(name), path + "." + name);
            });
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertSameJson(expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    static boolean looksLikeDate(String s) {
        return s.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*[+-]\\d{2}:\\d{2}");
    }
}
