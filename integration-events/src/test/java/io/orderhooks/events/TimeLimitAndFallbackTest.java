package io.orderhooks.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.ShipEstimateResponse;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.events.testkit.TestDispatcherClient;
import io.orderhooks.events.testkit.Worksheets;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimeLimitAndFallbackTest {

    static final Duration LIMIT = Duration.ofMillis(100);

    final CountDownLatch never = new CountDownLatch(1);
    final CountDownLatch interrupted = new CountDownLatch(1);
    final OrderWorksheet worksheet = Worksheets.order("o1").line("SHIRT", 2, "12.00").line("MUG", 1, "8.50").build();
    IntegrationEventsDispatcher dispatcher;

    @AfterEach
    void close() {
        never.countDown();
        dispatcher.close();
    }

    /** Blocks until interrupted by the time limit (or released at the end of the test). */
    <T> T hang() {
        try {
            never.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted.countDown();
        }
        return null;
    }

    @Test
    void answers504NamingTheLimitWhenAHandlerWithoutFallbackRunsOutOfTime() throws Exception {
        dispatcher = IntegrationEventsDispatcher.builder().hashKeys("k").timeLimit(LIMIT).orderCalculate(e -> hang()).build();

        RawResponse response = TestDispatcherClient.of(dispatcher, "k").send(CheckoutEventType.ORDER_CALCULATE, worksheet);

        assertThat(response.status()).isEqualTo(504);
        assertThat(response.bodyText()).contains("\"ErrorCode\":\"IntegrationEvent.Timeout\"")
                .contains("The ordercalculate handler did not answer within its time limit of 100 ms")
                .contains("\"TimeLimitMillis\":100");
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the overrunning handler is interrupted").isTrue();
    }

    @Test
    void answersBackupRatesWhenTheShippingHandlerRunsOutOfTime() {
        dispatcher = IntegrationEventsDispatcher.builder().hashKeys("k")
                .timeLimit(CheckoutEventType.SHIPPING_RATES, LIMIT)
                .shippingRates(e -> hang(), ShippingRatesHandler.flatRate("flat", "Standard", new BigDecimal("9.99"), 5))
                .build();

        ShipEstimateResponse rates = TestDispatcherClient.of(dispatcher, "k").shippingRates(worksheet);

        assertThat(rates.shipEstimates()).singleElement().satisfies(estimate -> {
            assertThat(estimate.id()).isEqualTo("flat-flat");
            assertThat(estimate.shipEstimateItems()).extracting(i -> i.lineItemID() + "x" + i.quantity()).containsExactly("line1x2", "line2x1");
            assertThat(estimate.shipMethods()).singleElement().satisfies(m -> assertThat(m.cost()).isEqualByComparingTo("9.99"));
        });
    }

    @Test
    void answersBackupRatesWhenTheShippingHandlerFails() {
        dispatcher = IntegrationEventsDispatcher.builder().hashKeys("k")
                .shippingRates(e -> { throw new java.io.IOException("carrier down"); },
                        ShippingRatesHandler.flatRate("flat", "Standard", new BigDecimal("4.00"), 5))
                .build();

        assertThat(TestDispatcherClient.of(dispatcher, "k").shippingRates(worksheet).shipEstimates().get(0).shipMethods().get(0).id())
                .isEqualTo("flat");
    }

    @Test
    void doesNotMaskADeliberateRefusalWithTheFallback() {
        dispatcher = IntegrationEventsDispatcher.builder().hashKeys("k")
                .shippingRates(e -> { throw new CheckoutException("Shipping.NotServed", "We do not ship to Mars"); },
                        ShippingRatesHandler.flatRate("flat", "Standard", new BigDecimal("4.00"), 5))
                .build();

        RawResponse response = TestDispatcherClient.of(dispatcher, "k").send(CheckoutEventType.SHIPPING_RATES, worksheet);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("\"ErrorCode\":\"Shipping.NotServed\"");
    }

    @Test
    void answersTheCalculateFallbackWhenTheHandlerRunsOutOfTime() {
        dispatcher = IntegrationEventsDispatcher.builder().hashKeys("k").timeLimit(LIMIT)
                .orderCalculate(e -> hang(), e -> OrderCalculateResponse.builder().taxTotal(BigDecimal.ZERO)
                        .xp(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("TaxEstimated", false)).build())
                .build();

        OrderCalculateResponse answer = TestDispatcherClient.of(dispatcher, "k").calculate(worksheet);

        assertThat(answer.taxTotal()).isEqualByComparingTo("0");
        assertThat(answer.xp().get("TaxEstimated").asBoolean()).isFalse();
    }

    @Test
    void validatesTheFallbacksAnswerToo() {
        dispatcher = IntegrationEventsDispatcher.builder().hashKeys("k")
                .orderCalculate(e -> { throw new IllegalStateException("down"); },
                        e -> OrderCalculateResponse.builder().taxTotal(new BigDecimal("-1")).build())
                .build();

        RawResponse response = TestDispatcherClient.of(dispatcher, "k").send(CheckoutEventType.ORDER_CALCULATE, worksheet);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyText()).contains("The ordercalculate fallback returned an invalid response for order o1 (1 violation): TaxTotal must not be negative, was -1");
    }

    @Test
    void appliesAPerEventTimeLimitOverTheDefault() {
        dispatcher = IntegrationEventsDispatcher.builder().hashKeys("k").timeLimit(Duration.ofSeconds(30))
                .timeLimit(CheckoutEventType.ORDER_SUBMIT, LIMIT).orderSubmit(e -> hang()).build();

        RawResponse response = TestDispatcherClient.of(dispatcher, "k").send(CheckoutEventType.ORDER_SUBMIT, worksheet);

        assertThat(response.status()).isEqualTo(504);
        assertThat(response.bodyText()).contains("The ordersubmit handler did not answer within its time limit of 100 ms");
    }
}
