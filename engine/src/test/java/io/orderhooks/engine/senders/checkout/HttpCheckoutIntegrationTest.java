package io.orderhooks.engine.senders.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.orderhooks.engine.delivery.Deliverer;
import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderSubmitResponse;
import io.orderhooks.core.signing.OcHash;
import io.orderhooks.engine.spi.CheckoutCall;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.engine.spi.CheckoutResponses;
import io.orderhooks.engine.spi.DeliveryLog.Query;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.DeliveryRecord.OutcomeKind;
import io.orderhooks.engine.spi.IntegrationEndpoint;
import io.orderhooks.engine.spi.Redelivery;
import io.orderhooks.core.time.MutableClock;
import io.orderhooks.engine.delivery.Transports;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpCheckoutIntegrationTest {

    private static final byte[] PAYLOAD = ("{\"ConfigData\":{},\"Environment\":\"Sandbox\",\"OrderCloudAccessToken\":\"t\","
            + "\"OrderWorksheet\":{\"Order\":{\"ID\":\"o1\"}}}").getBytes(StandardCharsets.UTF_8);

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(Deliverer.defaultBreakerConfig(clock).build());
    private HttpCheckoutIntegration sender;
    private IntegrationEndpoint endpoint;

    @BeforeEach
    void start() {
        server.start();
        endpoint = new IntegrationEndpoint("ie1", server.baseUrl() + "/integration", "ie-key", "X-Auth", "s3cret", null);
        sender = new HttpCheckoutIntegration(CheckoutSenderSettings.builder(log).clock(clock).breakers(breakers)
                .timeLimit(Duration.ofSeconds(5)).retryWait(Duration.ofMillis(10)).build(),
                Transports.defaultHttpClient());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private CheckoutCall call(CheckoutEventType type, String key) {
        return new CheckoutCall(type, endpoint, "o1", PAYLOAD, key);
    }

    private List<DeliveryRecord> records() {
        return log.list(Query.ALL);
    }

    @Test
    void postsSignedBytesToTheSuffixWithCustomAuthAndRecordsTheWorksheetAnswer() {
        server.stubFor(post("/integration/ordercalculate")
                .willReturn(aResponse().withStatus(200).withBody("{\"TaxTotal\":7.25}")));

        DeliveryOutcome outcome = sender.deliver(call(CheckoutEventType.ORDER_CALCULATE, null));

        server.verify(postRequestedFor(urlEqualTo("/integration/ordercalculate"))
                .withHeader(OcHash.HEADER, equalTo(OcHash.sign("ie-key", PAYLOAD)))
                .withHeader("X-Auth", equalTo("s3cret"))
                .withHeader("Idempotency-Key", absent()));
        OrderCalculateResponse answer = (OrderCalculateResponse) CheckoutResponses.record(CheckoutEventType.ORDER_CALCULATE, outcome);
        assertThat(answer.taxTotal()).isEqualByComparingTo(new BigDecimal("7.25"));
        assertThat(answer.httpStatusCode()).isEqualTo(200);
        assertThat(answer.succeeded()).isTrue();
        assertThat(records()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(DeliveryRecord.Kind.CHECKOUT);
            assertThat(r.subject()).isEqualTo("ordercalculate");
            assertThat(r.url()).isEqualTo(server.baseUrl() + "/integration/ordercalculate");
            assertThat(r.orderID()).isEqualTo("o1");
            assertThat(r.succeeded()).isTrue();
        });
    }

    @Test
    void retriesCalculateAfterAConnectionResetAndRecordsEachAttempt() {
        server.stubFor(post("/integration/ordercalculate").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        server.stubFor(post("/integration/ordercalculate").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody("{}")));

        DeliveryOutcome outcome = sender.deliver(call(CheckoutEventType.ORDER_CALCULATE, null));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(server.getAllServeEvents()).hasSize(2);
        assertThat(records()).extracting(DeliveryRecord::attempt, DeliveryRecord::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, OutcomeKind.DELIVERED),
                org.assertj.core.groups.Tuple.tuple(1, OutcomeKind.UNREACHABLE));
    }

    @Test
    void countsACalculateThatGotThroughOnItsSecondAttemptAsOneSuccessfulCallForTheBreaker() {
        server.stubFor(post("/integration/ordercalculate").inScenario("every other").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        server.stubFor(post("/integration/ordercalculate").inScenario("every other").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody("{}")).willSetStateTo(Scenario.STARTED));

        for (int i = 0; i < 6; i++) {
            assertThat(sender.deliver(call(CheckoutEventType.ORDER_CALCULATE, null))).isInstanceOf(DeliveryOutcome.Delivered.class);
        }

        assertThat(server.getAllServeEvents()).hasSize(12);
        assertThat(records()).extracting(DeliveryRecord::outcome).containsOnly(OutcomeKind.UNREACHABLE, OutcomeKind.DELIVERED)
                .hasSize(12);
        assertThat(breakers.circuitBreaker("ie1")).satisfies(b -> {
            assertThat(b.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(b.getMetrics().getNumberOfBufferedCalls()).isEqualTo(6);
            assertThat(b.getMetrics().getNumberOfFailedCalls()).isZero();
        });
    }

    @Test
    void neverRetriesASubmitAfterAConnectionReset() {
        server.stubFor(post("/integration/ordersubmit").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        DeliveryOutcome outcome = sender.deliver(call(CheckoutEventType.ORDER_SUBMIT, "submit-o1-1"));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Unreachable.class);
        assertThat(server.getAllServeEvents()).hasSize(1);
        assertThat(records()).singleElement().satisfies(r -> {
            assertThat(r.redeliverable()).isTrue();
            assertThat(r.idempotencyKey()).isEqualTo("submit-o1-1");
        });
        OrderSubmitResponse answer = (OrderSubmitResponse) CheckoutResponses.record(CheckoutEventType.ORDER_SUBMIT, outcome);
        assertThat(answer.succeeded()).isFalse();
        assertThat(answer.httpStatusCode()).isNull();
        assertThat(answer.unhandledErrorBody()).startsWith("unreachable: ");
    }

    @Test
    void doesNotRetryAfterTheReceiverAnswered503AndTheNextCallGetsThe200() {
        server.stubFor(post("/integration/shippingrates").inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("busy")).willSetStateTo("ok"));
        server.stubFor(post("/integration/shippingrates").inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("{\"ShipEstimates\":[]}")));

        DeliveryOutcome first = sender.deliver(call(CheckoutEventType.SHIPPING_RATES, null));

        assertThat(first).isInstanceOfSatisfying(DeliveryOutcome.Rejected.class, r -> assertThat(r.status()).isEqualTo(503));
        assertThat(server.getAllServeEvents()).hasSize(1);
        assertThat(CheckoutResponses.record(CheckoutEventType.SHIPPING_RATES, first).unhandledErrorBody()).isEqualTo("busy");

        DeliveryOutcome second = sender.deliver(call(CheckoutEventType.SHIPPING_RATES, null));

        assertThat(second).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(records()).extracting(DeliveryRecord::httpStatus).containsExactly(200, 503);
    }

    @Test
    void timesOutASlowSubmitWithinTheLimitWithoutRetrying() {
        HttpCheckoutIntegration strict = new HttpCheckoutIntegration(CheckoutSenderSettings.builder(log).clock(clock)
                .timeLimit(Duration.ofMillis(200)).build(), Transports.defaultHttpClient());
        server.stubFor(post("/integration/ordersubmit").willReturn(aResponse().withStatus(200).withFixedDelay(1000)));

        DeliveryOutcome outcome = strict.deliver(call(CheckoutEventType.ORDER_SUBMIT, "k1"));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.TimedOut.class);
        assertThat(outcome.latency()).isLessThan(Duration.ofMillis(1000));
        assertThat(server.getAllServeEvents()).hasSize(1);
        assertThat(records()).singleElement().extracting(DeliveryRecord::outcome).isEqualTo(OutcomeKind.TIMED_OUT);
    }

    @Test
    void sendsTheIdempotencyKeyOnSubmitAndApproval() {
        server.stubFor(post("/integration/ordersubmit").willReturn(aResponse().withStatus(200).withBody("{}")));
        server.stubFor(post("/integration/orderapproved").willReturn(aResponse().withStatus(200).withBody("{}")));

        sender.deliver(call(CheckoutEventType.ORDER_SUBMIT, "submit-o1"));
        sender.deliver(call(CheckoutEventType.ORDER_APPROVED, "approve-o1"));

        server.verify(postRequestedFor(urlEqualTo("/integration/ordersubmit")).withHeader("Idempotency-Key", equalTo("submit-o1")));
        server.verify(postRequestedFor(urlEqualTo("/integration/orderapproved")).withHeader("Idempotency-Key", equalTo("approve-o1")));
    }

    @Test
    void recordsMalformedJsonInATwoHundredAsAFailedDelivery() {
        server.stubFor(post("/integration/ordercalculate").willReturn(aResponse().withStatus(200).withBody("<html>")));

        DeliveryOutcome outcome = sender.deliver(call(CheckoutEventType.ORDER_CALCULATE, null));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(server.getAllServeEvents()).hasSize(1);
        DeliveryRecord r = records().get(0);
        assertThat(r.succeeded()).isFalse();
        assertThat(r.error()).startsWith("Malformed JSON in the response to /ordercalculate at line 1 column 1: Unexpected character ('<'");
        assertThat(CheckoutResponses.record(CheckoutEventType.ORDER_CALCULATE, outcome).unhandledErrorBody()).isEqualTo(r.error());
    }

    @Test
    void rejectsAnOversizeAnswer() {
        HttpCheckoutIntegration small = new HttpCheckoutIntegration(CheckoutSenderSettings.builder(log).clock(clock)
                .maxResponseBytes(100).build(), Transports.defaultHttpClient());
        server.stubFor(post("/integration/ordercalculate").willReturn(aResponse().withStatus(200)
                .withBody("{\"xp\":\"" + "x".repeat(500) + "\"}")));

        DeliveryOutcome outcome = small.deliver(call(CheckoutEventType.ORDER_CALCULATE, null));

        assertThat(CheckoutResponses.record(CheckoutEventType.ORDER_CALCULATE, outcome))
                .extracting("httpStatusCode", "unhandledErrorBody", "succeeded")
                .containsExactly(200, "Response body exceeds the limit of 100 bytes", false);
    }

    @Test
    void redeliversAFailedSubmitWithTheSameBytesAndIdempotencyKey() {
        server.stubFor(post("/integration/ordersubmit").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("fixed"));
        server.stubFor(post("/integration/ordersubmit").inScenario("s").whenScenarioStateIs("fixed")
                .willReturn(aResponse().withStatus(200).withBody("{\"xp\":{\"ExportID\":\"E1\"}}")));
        sender.deliver(call(CheckoutEventType.ORDER_SUBMIT, "submit-o1"));
        String failedID = records().get(0).id();

        Redelivery.Result result = sender.redeliver(failedID);

        assertThat(result.outcome()).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(result.record().redeliveryOf()).isEqualTo(failedID);
        assertThat(result.record().succeeded()).isTrue();
        assertThat(server.getAllServeEvents()).hasSize(2).allSatisfy(e -> {
            assertThat(e.getRequest().getBody()).isEqualTo(PAYLOAD);
            assertThat(e.getRequest().getHeader("Idempotency-Key")).isEqualTo("submit-o1");
        });
        assertThatThrownBy(() -> sender.redeliver(result.record().id()))
                .isInstanceOfSatisfying(OrderCloudException.class, e -> assertThat(e.errorCode()).isEqualTo("Delivery.NotRedeliverable"));
    }

    @Test
    void refusesToRedeliverUnknownRecordsAndOtherEvents() {
        server.stubFor(post("/integration/ordercalculate").willReturn(aResponse().withStatus(500)));
        sender.deliver(call(CheckoutEventType.ORDER_CALCULATE, null));

        assertThatThrownBy(() -> sender.redeliver("nope")).isInstanceOfSatisfying(OrderCloudException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.getMessage()).isEqualTo("DeliveryRecord not found: nope");
        });
        assertThatThrownBy(() -> sender.redeliver(records().get(0).id()))
                .isInstanceOfSatisfying(OrderCloudException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void answersCircuitOpenWithoutCallingOnceTheEndpointKeepsFailing() {
        server.stubFor(post("/integration/ordersubmit").willReturn(aResponse().withStatus(502)));
        for (int i = 0; i < 5; i++) {
            sender.deliver(call(CheckoutEventType.ORDER_SUBMIT, "k" + i));
        }

        DeliveryOutcome outcome = sender.deliver(call(CheckoutEventType.ORDER_SUBMIT, "k5"));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.CircuitOpen("ie1"));
        assertThat(server.getAllServeEvents()).hasSize(5);
        assertThat(records().get(0).outcome()).isEqualTo(OutcomeKind.CIRCUIT_OPEN);
    }
}
