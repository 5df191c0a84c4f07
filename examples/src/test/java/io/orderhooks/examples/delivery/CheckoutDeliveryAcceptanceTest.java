package io.orderhooks.examples.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.signing.OcHash;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.DeliveryRecord.OutcomeKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's checkout calls through {@code HttpCheckoutIntegration} to a misbehaving middleware (WireMock):
 * each case asserts what the caller saw, what the worksheet and the delivery log recorded, and that the
 * order (costs, status, stock, spending account) neither lost nor doubled anything. Time limit 1 s: short,
 * yet above a cold JVM's first call on a busy machine, so only the slow-answer case waits for it.
 */
class CheckoutDeliveryAcceptanceTest {

    private static final Duration LIMIT = Duration.ofSeconds(1);

    private final WireMockServer mw = started();
    private final DeliveryMarketplace m = new DeliveryMarketplace(LIMIT, mw.baseUrl() + "/a", mw.baseUrl() + "/b");

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    @AfterEach
    void stop() {
        m.close();
        mw.stop();
    }

    private List<LoggedRequest> requests(String path) {
        return mw.findAll(postRequestedFor(urlEqualTo(path)));
    }

    private static void assertCostsUntouched(OrderWorksheet ws) {
        assertThat(ws.order().shippingCost()).isEqualByComparingTo("0");
        assertThat(ws.order().taxCost()).isEqualByComparingTo("0");
        assertThat(ws.order().total()).isEqualByComparingTo("20.00");
    }

    @Test
    void shippingRatesSlowerThanTheLimitAreRecordedAsATimeOutAndCostsStayUnchanged() {
        mw.stubFor(post("/a/shippingrates").willReturn(okJson(DeliveryMarketplace.RATES).withFixedDelay(1500)));
        m.cart(m.buyerA, "O1", 2);

        OrderWorksheet ws = m.estimate(m.buyerA, "O1");

        assertThat(ws.shipEstimateResponse().succeeded()).isFalse();
        assertThat(ws.shipEstimateResponse().httpStatusCode()).isNull();
        assertThat(ws.shipEstimateResponse().unhandledErrorBody()).isEqualTo("timed out after 1000 ms");
        assertThat(ws.shipEstimateResponse().shipEstimates()).isNull();
        assertCostsUntouched(m.worksheet(m.buyerA, "O1"));
        assertThat(m.records("O1")).singleElement().satisfies(r -> {
            assertThat(r.subject()).isEqualTo("shippingrates");
            assertThat(r.endpointID()).isEqualTo("ieA");
            assertThat(r.url()).isEqualTo(mw.baseUrl() + "/a/shippingrates");
            assertThat(r.outcome()).isEqualTo(OutcomeKind.TIMED_OUT);
            assertThat(r.attempt()).as("a time-out is not retried").isEqualTo(1);
            assertThat(r.error()).isEqualTo("timed out after 1000 ms");
        });
        Response listed = m.api.get("/v1/deliveries?OrderID=O1", m.api.adminToken());
        assertThat(listed.body().at("/Meta/TotalCount").asInt()).isEqualTo(1);
        assertThat(listed.body().at("/Items/0/Outcome").asText()).isEqualTo("TIMED_OUT");
        assertThat(listed.body().at("/Items/0/RequestBody/OrderCloudAccessToken").asText()).isEqualTo("REDACTED");
    }

    @Test
    void a500OnCalculateIsRecordedWithItsStatusAndBody() {
        String error = "{\"Errors\":[{\"ErrorCode\":\"TaxService.Down\",\"Message\":\"tax service offline\"}]}";
        mw.stubFor(post("/a/ordercalculate").willReturn(aResponse().withStatus(500).withBody(error)));
        m.cart(m.buyerA, "O1", 2);

        OrderWorksheet ws = m.calculate(m.buyerA, "O1");

        assertThat(ws.orderCalculateResponse().succeeded()).isFalse();
        assertThat(ws.orderCalculateResponse().httpStatusCode()).isEqualTo(500);
        assertThat(ws.orderCalculateResponse().unhandledErrorBody()).isEqualTo(error);
        assertCostsUntouched(ws);
        assertThat(m.records("O1")).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(OutcomeKind.REJECTED);
            assertThat(r.httpStatus()).isEqualTo(500);
            assertThat(r.responseBody()).isEqualTo(error);
            assertThat(r.error()).isEqualTo("rejected with HTTP 500");
        });
        assertThat(requests("/a/ordercalculate")).hasSize(1);
    }

    @Test
    void a503OnCalculateIsNotRetriedAndTheNextCalculateSucceeds() {
        mw.stubFor(post("/a/ordercalculate").inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("busy")).willSetStateTo("up"));
        mw.stubFor(post("/a/ordercalculate").inScenario("busy").whenScenarioStateIs("up")
                .willReturn(okJson("{\"TaxTotal\":1.60}")));
        m.cart(m.buyerA, "O1", 2);

        OrderWorksheet first = m.calculate(m.buyerA, "O1");
        assertThat(first.orderCalculateResponse().succeeded()).isFalse();
        assertThat(first.orderCalculateResponse().httpStatusCode()).isEqualTo(503);
        assertCostsUntouched(first);
        assertThat(requests("/a/ordercalculate")).as("a 503 is an answer: one attempt only").hasSize(1);

        OrderWorksheet second = m.calculate(m.buyerA, "O1");
        assertThat(second.orderCalculateResponse().succeeded()).isTrue();
        assertThat(second.order().taxCost()).isEqualByComparingTo("1.60");
        assertThat(second.order().total()).isEqualByComparingTo("21.60");
        assertThat(m.records("O1")).extracting(DeliveryRecord::attempt, DeliveryRecord::httpStatus, DeliveryRecord::succeeded)
                .containsExactly(tuple(1, 503, false), tuple(1, 200, true));
    }

    @Test
    void aConnectionResetOnShippingRatesIsRetriedAndTheRetrySucceeds() {
        mw.stubFor(post("/a/shippingrates").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("healed"));
        mw.stubFor(post("/a/shippingrates").inScenario("flaky").whenScenarioStateIs("healed")
                .willReturn(okJson(DeliveryMarketplace.RATES)));
        m.cart(m.buyerA, "O1", 2);

        OrderWorksheet ws = m.estimate(m.buyerA, "O1");

        assertThat(ws.shipEstimateResponse().succeeded()).isTrue();
        assertThat(ws.shipEstimateResponse().httpStatusCode()).isEqualTo(200);
        assertThat(ws.shipEstimateResponse().shipEstimates().get(0).shipMethods()).hasSize(2);
        assertThat(m.records("O1")).extracting(DeliveryRecord::attempt, DeliveryRecord::outcome)
                .containsExactly(tuple(1, OutcomeKind.UNREACHABLE), tuple(2, OutcomeKind.DELIVERED));
        List<LoggedRequest> sent = requests("/a/shippingrates");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).getBody()).isEqualTo(sent.get(1).getBody());
    }

    @Test
    void malformedAndOversizeCalculateAnswersAreFailuresAndLeaveTheOrderUnchanged() {
        mw.stubFor(post("/a/ordercalculate").inScenario("bad").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"TaxTotal\": 1.60,")).willSetStateTo("huge"));
        String huge = "{\"TaxTotal\":1.60,\"xp\":{\"Padding\":\"" + "x".repeat(DeliveryMarketplace.MAX_RESPONSE_BYTES) + "\"}}";
        mw.stubFor(post("/a/ordercalculate").inScenario("bad").whenScenarioStateIs("huge").willReturn(okJson(huge)));
        m.cart(m.buyerA, "O1", 2);

        OrderWorksheet malformed = m.calculate(m.buyerA, "O1");
        assertThat(malformed.orderCalculateResponse().succeeded()).isFalse();
        assertThat(malformed.orderCalculateResponse().httpStatusCode()).isEqualTo(200);
        assertThat(malformed.orderCalculateResponse().unhandledErrorBody())
                .startsWith("Malformed JSON in the response to /ordercalculate at line 1");
        assertThat(malformed.orderCalculateResponse().taxTotal()).isNull();
        assertCostsUntouched(malformed);

        OrderWorksheet oversize = m.calculate(m.buyerA, "O1");
        assertThat(oversize.orderCalculateResponse().succeeded()).isFalse();
        assertThat(oversize.orderCalculateResponse().httpStatusCode()).isEqualTo(200);
        assertThat(oversize.orderCalculateResponse().unhandledErrorBody())
                .isEqualTo("Response body exceeds the limit of 65536 bytes");
        assertCostsUntouched(oversize);

        List<DeliveryRecord> records = m.records("O1");
        assertThat(records).extracting(DeliveryRecord::outcome, DeliveryRecord::succeeded)
                .containsExactly(tuple(OutcomeKind.DELIVERED, false), tuple(OutcomeKind.REJECTED, false));
        assertThat(records.get(0).error()).isEqualTo(malformed.orderCalculateResponse().unhandledErrorBody());
        assertThat(records.get(1).responseBody()).isEqualTo("Response body exceeds the limit of 65536 bytes");
        assertThatThrownBy(() -> m.submit(m.buyerA, "O1")).isInstanceOfSatisfying(OrderCloudException.class,
                e -> assertThat(e.errorCode()).isEqualTo("Order.CannotSubmitUncalculatedOrder"));
    }

    @Test
    void aFailedSubmitTakesNothingAndTheRetriedSubmitIsDeliveredOnceWithTheSameIdempotencyKey() {
        mw.stubFor(post("/a/shippingrates").willReturn(okJson(DeliveryMarketplace.RATES)));
        mw.stubFor(post("/a/ordercalculate").willReturn(okJson("{\"TaxTotal\":2.00}")));
        mw.stubFor(post("/a/ordersubmit").willReturn(aResponse().withStatus(500).withBody("ERP offline")));
        m.cart(m.buyerA, "O1", 2);
        assertThat(m.checkoutReady(m.buyerA, "O1").order().total()).isEqualByComparingTo("27.00");
        m.engine.payments().create(m.buyerA, io.orderhooks.engine.internal.orders.Direction.Outgoing, "O1",
                io.orderhooks.core.model.Payment.builder().type("SpendingAccount").spendingAccountID("sa").accepted(true).build());

        assertThatThrownBy(() -> m.submit(m.buyerA, "O1")).isInstanceOfSatisfying(OrderCloudException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errorCode()).isEqualTo("IntegrationEvent.BadRequest");
        });
        OrderWorksheet failed = m.worksheet(m.buyerA, "O1");
        assertThat(failed.order().status()).isEqualTo(OrderStatus.Unsubmitted);
        assertThat(failed.orderSubmitResponse().succeeded()).isFalse();
        assertThat(failed.orderSubmitResponse().httpStatusCode()).isEqualTo(500);
        assertThat(failed.orderSubmitResponse().unhandledErrorBody()).isEqualTo("ERP offline");
        assertThat(m.stock()).isEqualTo(10);
        assertThat(m.balance()).isEqualByComparingTo("100.00");
        DeliveryRecord submitRecord = m.records("O1").get(2);
        assertThat(submitRecord.subject()).isEqualTo("ordersubmit");
        assertThat(submitRecord.idempotencyKey()).isEqualTo("O1/ordersubmit/1");
        assertThat(submitRecord.redeliverable()).isTrue();

        Response redeliver = m.api.post("/v1/deliveries/" + submitRecord.id() + "/redeliver", m.api.adminToken(), null);
        assertThat(redeliver.status()).isEqualTo(400);
        assertThat(redeliver.errorCode()).isEqualTo("Delivery.NotRedeliverable");
        assertThat(requests("/a/ordersubmit")).as("the refused redelivery sent nothing").hasSize(1);

        mw.stubFor(post("/a/ordersubmit").willReturn(okJson("{\"xp\":{\"ErpOrderID\":\"E-17\"}}")));
        assertThat(m.submit(m.buyerA, "O1").status()).isEqualTo(OrderStatus.Open);
        assertThatThrownBy(() -> m.submit(m.buyerA, "O1")).isInstanceOfSatisfying(OrderCloudException.class,
                e -> assertThat(e.errorCode()).isEqualTo("Order.CannotSubmitBadStatus"));

        OrderWorksheet submitted = m.worksheet(m.buyerA, "O1");
        assertThat(submitted.orderSubmitResponse().succeeded()).isTrue();
        assertThat(submitted.orderSubmitResponse().xp().path("ErpOrderID").asText()).isEqualTo("E-17");
        assertThat(m.stock()).isEqualTo(8);
        assertThat(m.balance()).isEqualByComparingTo("73.00");
        assertThat(m.engine.payments().list(m.buyerA, io.orderhooks.engine.internal.orders.Direction.Outgoing, "O1")
                .get(0).transactions()).hasSize(1);
        List<LoggedRequest> sent = requests("/a/ordersubmit");
        assertThat(sent).hasSize(2).allSatisfy(r -> {
            assertThat(r.getHeader("Idempotency-Key")).isEqualTo("O1/ordersubmit/1");
            assertThat(r.getHeader(OcHash.HEADER)).isEqualTo(OcHash.sign(DeliveryMarketplace.HASH_KEY, r.getBody()));
        });
    }

    @Test
    void theBreakerOpensAfterRepeatedFailuresOnlyForThatEndpointAndHalfOpensAfterTheWait() {
        mw.stubFor(post("/a/shippingrates").willReturn(aResponse().withStatus(500).withBody("down")));
        mw.stubFor(post("/b/shippingrates").willReturn(okJson(DeliveryMarketplace.RATES)));
        m.cart(m.buyerA, "O1", 2);
        m.cart(m.buyerB, "O2", 1);
        for (int i = 0; i < 4; i++) {
            assertThat(m.estimate(m.buyerA, "O1").shipEstimateResponse().httpStatusCode()).isEqualTo(500);
        }
        CircuitBreaker breaker = m.breakers.circuitBreaker("ieA");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        OrderWorksheet refused = m.estimate(m.buyerA, "O1");
        assertThat(refused.shipEstimateResponse().succeeded()).isFalse();
        assertThat(refused.shipEstimateResponse().httpStatusCode()).isNull();
        assertThat(refused.shipEstimateResponse().unhandledErrorBody()).isEqualTo("not attempted: circuit open for ieA");
        assertThat(requests("/a/shippingrates")).as("an open breaker sends nothing").hasSize(4);
        assertThat(m.estimate(m.buyerB, "O2").shipEstimateResponse().succeeded()).as("ieB has its own breaker").isTrue();

        m.clock.advance(DeliveryMarketplace.BREAKER_WAIT.minusSeconds(1));
        assertThat(m.estimate(m.buyerA, "O1").shipEstimateResponse().unhandledErrorBody())
                .isEqualTo("not attempted: circuit open for ieA");
        mw.stubFor(post("/a/shippingrates").willReturn(okJson(DeliveryMarketplace.RATES)));
        m.clock.advance(Duration.ofSeconds(2));
        OrderWorksheet trial = m.estimate(m.buyerA, "O1");

        assertThat(trial.shipEstimateResponse().succeeded()).isTrue();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(requests("/a/shippingrates")).hasSize(5);
        assertThat(m.records("O1")).extracting(DeliveryRecord::outcome).containsExactly(OutcomeKind.REJECTED,
                OutcomeKind.REJECTED, OutcomeKind.REJECTED, OutcomeKind.REJECTED, OutcomeKind.CIRCUIT_OPEN,
                OutcomeKind.CIRCUIT_OPEN, OutcomeKind.DELIVERED);
        assertThat(m.api.get("/v1/deliveries?Outcome=CIRCUIT_OPEN", m.api.adminToken()).body().at("/Meta/TotalCount").asInt())
                .isEqualTo(2);
    }
}
