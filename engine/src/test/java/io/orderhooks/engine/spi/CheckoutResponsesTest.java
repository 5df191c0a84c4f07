package io.orderhooks.engine.spi;

import io.orderhooks.core.model.CheckoutEventType;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderSubmitResponse;
import io.orderhooks.core.model.ShipEstimateResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CheckoutResponsesTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void fillsTheStatusAndSucceededIntoAParsedAnswer() {
        DeliveryOutcome ok = new DeliveryOutcome.Delivered(200, utf8("{\"TaxTotal\":12.50,\"xp\":{\"a\":1}}"), Duration.ZERO);

        OrderCalculateResponse r = (OrderCalculateResponse) CheckoutResponses.record(CheckoutEventType.ORDER_CALCULATE, ok);

        assertThat(r.taxTotal()).isEqualByComparingTo(new BigDecimal("12.50"));
        assertThat(r.taxTotal().scale()).isEqualTo(2);
        assertThat(r.xp().get("a").asInt()).isEqualTo(1);
        assertThat(r.httpStatusCode()).isEqualTo(200);
        assertThat(r.unhandledErrorBody()).isNull();
        assertThat(r.succeeded()).isTrue();
    }

    @Test
    void keepsAnXpWhoseNamesAreIdsAndAppliesTheMappersLimitsAndTypeRules() {
        byte[] keyed = utf8("{\"TaxTotal\":1.25,\"xp\":{\"Tax\":{\"LineTaxes\":{\"cXhLVzQ9-_QJGZ8QqsdSaQ\":0.75,"
                + "\"BptElWwItGoKMfsqq6AApw\":0.50}}}}");
        OrderCalculateResponse r = (OrderCalculateResponse) CheckoutResponses.record(CheckoutEventType.ORDER_CALCULATE,
                new DeliveryOutcome.Delivered(200, keyed, Duration.ZERO));
        assertThat(r.xp().path("Tax").path("LineTaxes").fieldNames()).toIterable()
                .containsExactly("cXhLVzQ9-_QJGZ8QqsdSaQ", "BptElWwItGoKMfsqq6AApw");
        assertThat(r.xp().path("Tax").path("LineTaxes").get("BptElWwItGoKMfsqq6AApw").decimalValue()).isEqualByComparingTo("0.50");

        OrderCalculateResponse text = (OrderCalculateResponse) CheckoutResponses.record(CheckoutEventType.ORDER_CALCULATE,
                new DeliveryOutcome.Delivered(200, utf8("{\"TaxTotal\":\"1.25\"}"), Duration.ZERO));
        assertThat(text.succeeded()).isFalse(); // a decimal as text is refused, as by OrderCloudJson.mapper()
        OrderCalculateResponse deep = (OrderCalculateResponse) CheckoutResponses.record(CheckoutEventType.ORDER_CALCULATE,
                new DeliveryOutcome.Delivered(200, utf8("{\"xp\":" + "[".repeat(2000) + "]".repeat(2000) + "}"), Duration.ZERO));
        assertThat(deep.succeeded()).isFalse();
        assertThat(deep.unhandledErrorBody().toString()).contains("nesting depth");
    }

    @Test
    void recordsTheAnswerTheReplyCheckAlreadyParsedFromTheSameBodyWithoutParsingItAgain() {
        byte[] body = utf8("{\"TaxTotal\":12.50}");
        assertThat(CheckoutResponses.problem(CheckoutEventType.ORDER_CALCULATE, body)).isEmpty();
        body[body.length - 2] = '9';

        OrderCalculateResponse r = (OrderCalculateResponse) CheckoutResponses.record(CheckoutEventType.ORDER_CALCULATE,
                new DeliveryOutcome.Delivered(200, body, Duration.ZERO));
        OrderCalculateResponse again = (OrderCalculateResponse) CheckoutResponses.record(CheckoutEventType.ORDER_CALCULATE,
                new DeliveryOutcome.Delivered(200, body, Duration.ZERO));

        assertThat(r.taxTotal()).isEqualByComparingTo("12.50");
        assertThat(r.succeeded()).isTrue();
        assertThat(again.taxTotal()).isEqualByComparingTo("12.59");
    }

    @Test
    void treatsAnEmptyTwoHundredAsAnAnswerWithNoFields() {
        OrderSubmitResponse r = (OrderSubmitResponse) CheckoutResponses.record(CheckoutEventType.ORDER_SUBMIT,
                new DeliveryOutcome.Delivered(204, new byte[0], Duration.ZERO));

        assertThat(r).isEqualTo(new OrderSubmitResponse(204, null, null, true));
    }

    @Test
    void recordsMalformedJsonInATwoHundredAsAFailureNamingTheParseError() {
        ShipEstimateResponse r = (ShipEstimateResponse) CheckoutResponses.record(CheckoutEventType.SHIPPING_RATES,
                new DeliveryOutcome.Delivered(200, utf8("{\"ShipEstimates\": [ }"), Duration.ZERO));

        assertThat(r.succeeded()).isFalse();
        assertThat(r.httpStatusCode()).isEqualTo(200);
        assertThat(r.shipEstimates()).isNull();
        assertThat(r.unhandledErrorBody()).startsWith("Malformed JSON in the response to /shippingrates at line 1 column 21: Unexpected close marker '}'");
    }

    @Test
    void recordsAJsonArrayAsNotAnAnswer() {
        assertThat(CheckoutResponses.problem(CheckoutEventType.ORDER_APPROVED, utf8("[1]")))
                .contains("Malformed JSON in the response to /orderapproved: expected a JSON object, got array");
        assertThat(CheckoutResponses.problem(CheckoutEventType.ORDER_APPROVED, utf8("{\"xp\":null}"))).isEmpty();
    }

    @Test
    void namesTheKindOfAScalarAnswerAndTreatsWhitespaceAsAnEmptyObject() {
        assertThat(CheckoutResponses.problem(CheckoutEventType.ORDER_SUBMIT, utf8("\"ok\"")))
                .contains("Malformed JSON in the response to /ordersubmit: expected a JSON object, got string");
        assertThat(CheckoutResponses.problem(CheckoutEventType.ORDER_SUBMIT, utf8(" 12.5")))
                .contains("Malformed JSON in the response to /ordersubmit: expected a JSON object, got number");
        assertThat(CheckoutResponses.problem(CheckoutEventType.ORDER_SUBMIT, utf8("true")))
                .contains("Malformed JSON in the response to /ordersubmit: expected a JSON object, got boolean");
        assertThat(CheckoutResponses.problem(CheckoutEventType.ORDER_SUBMIT, utf8("null")))
                .contains("Malformed JSON in the response to /ordersubmit: expected a JSON object, got null");
        assertThat(CheckoutResponses.record(CheckoutEventType.ORDER_SUBMIT,
                new DeliveryOutcome.Delivered(200, utf8(" \n\t"), Duration.ZERO)))
                .isEqualTo(new OrderSubmitResponse(200, null, null, true));
    }

    @Test
    void recordsARejectionWithTheReceiversBody() {
        OrderSubmitResponse r = (OrderSubmitResponse) CheckoutResponses.record(CheckoutEventType.ORDER_SUBMIT,
                new DeliveryOutcome.Rejected(500, utf8("{\"Errors\":[]}"), Duration.ZERO));

        assertThat(r).isEqualTo(new OrderSubmitResponse(500, "{\"Errors\":[]}", null, false));
    }

    @Test
    void recordsNoAnswerWithoutAStatusAndWithTheDescription() {
        OrderSubmitResponse r = (OrderSubmitResponse) CheckoutResponses.record(CheckoutEventType.ORDER_SUBMIT,
                new DeliveryOutcome.TimedOut(Duration.ofMillis(200), Duration.ofMillis(201)));

        assertThat(r).isEqualTo(new OrderSubmitResponse(null, "timed out after 200 ms", null, false));
        assertThat(CheckoutResponses.record(CheckoutEventType.ORDER_SUBMIT, new DeliveryOutcome.CircuitOpen("ie1"))
                .unhandledErrorBody()).isEqualTo("not attempted: circuit open for ie1");
    }
}
