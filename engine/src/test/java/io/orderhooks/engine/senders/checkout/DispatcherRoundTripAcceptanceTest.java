package io.orderhooks.engine.senders.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.javalin.Javalin;
import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.core.model.OrderApprovedResponse;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderSubmitForApprovalResponse;
import io.orderhooks.core.model.OrderSubmitResponse;
import io.orderhooks.core.model.ShipEstimateResponse;
import io.orderhooks.engine.spi.CheckoutCall;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.engine.spi.CheckoutIntegration;
import io.orderhooks.engine.spi.CheckoutResponses;
import io.orderhooks.engine.spi.DeliveryLog.Query;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.DeliveryRecord.OutcomeKind;
import io.orderhooks.engine.spi.IntegrationEndpoint;
import io.orderhooks.engine.delivery.Transports;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.IntegrationEventsPlugin;
import io.orderhooks.events.ShippingRatesHandler;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.events.testkit.Worksheets;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The senders against the real receiver: {@link HttpCheckoutIntegration} over HTTP to an
 * {@link IntegrationEventsDispatcher} mounted with {@link IntegrationEventsPlugin} on a random port, and
 * {@link InProcessCheckoutIntegration} to the same dispatcher, for all five events. The dispatcher holds a
 * rotated key set ({@code new-key}, {@code old-key}), so endpoints signing with either are accepted.
 */
class DispatcherRoundTripAcceptanceTest {

    private static final byte[] PAYLOAD = CheckoutRequests.bytes(CheckoutRequests.payload(
            Worksheets.order("o-7").line("SHIRT", 2, "12.00").line("MUG", 1, "8.50").build()));

    private final Map<CheckoutEventType, AtomicInteger> handled = new ConcurrentHashMap<>();
    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private final CheckoutSenderSettings settings = CheckoutSenderSettings.builder(log)
            .timeLimit(Duration.ofSeconds(5)).retryWait(Duration.ofMillis(10)).build();
    private IntegrationEventsDispatcher dispatcher;
    private Javalin app;
    private String base;

    @BeforeEach
    void start() {
        dispatcher = IntegrationEventsDispatcher.builder().hashKeys("new-key", "old-key")
                .shippingRates(count(CheckoutEventType.SHIPPING_RATES,
                        ShippingRatesHandler.flatRate("ground", "Ground", new BigDecimal("6.95"), 4)))
                .orderCalculate(e -> {
                    handled(CheckoutEventType.ORDER_CALCULATE);
                    return OrderCalculateResponse.builder().taxTotal(new BigDecimal("2.23")).build();
                })
                .orderSubmit(e -> {
                    int n = handled(CheckoutEventType.ORDER_SUBMIT);
                    return new OrderSubmitResponse(null, null, xp("Export", e.orderID() + "#" + n), null);
                })
                .orderSubmitForApproval(e -> {
                    handled(CheckoutEventType.ORDER_SUBMIT_FOR_APPROVAL);
                    return new OrderSubmitForApprovalResponse(null, null, xp("Pending", e.orderID()), null);
                })
                .orderApproved(e -> {
                    handled(CheckoutEventType.ORDER_APPROVED);
                    return new OrderApprovedResponse(null, null, xp("Approved", e.orderID()), null);
                })
                .build();
        app = Javalin.create(cfg -> cfg.registerPlugin(IntegrationEventsPlugin.at("/integration", dispatcher))).start(0);
        base = "http://localhost:" + app.port() + "/integration";
    }

    @AfterEach
    void stop() {
        app.stop();
        dispatcher.close();
    }

    private ShippingRatesHandler count(CheckoutEventType type, ShippingRatesHandler handler) {
        return e -> {
            handled(type);
            return handler.estimate(e);
        };
    }

    private int handled(CheckoutEventType type) {
        return handled.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
    }

    private int timesHandled(CheckoutEventType type) {
        AtomicInteger n = handled.get(type);
        return n == null ? 0 : n.get();
    }

    private static com.fasterxml.jackson.databind.JsonNode xp(String key, String value) {
        return JsonNodeFactory.instance.objectNode().put(key, value);
    }

    private IntegrationEndpoint endpoint(String id, String url, String hashKey) {
        return new IntegrationEndpoint(id, url, hashKey, null, null, null);
    }

    /** Delivers all five events and checks the typed answer of each as the engine would record it. */
    private void deliversAllFiveWithTypedAnswers(CheckoutIntegration sender, IntegrationEndpoint endpoint) {
        for (CheckoutEventType type : CheckoutEventType.orderCheckout()) {
            DeliveryOutcome outcome = sender.deliver(new CheckoutCall(type, endpoint, "o-7", PAYLOAD, null));
            assertThat(outcome).as(type.suffix()).isInstanceOf(DeliveryOutcome.Delivered.class);
            assertThat(outcome.httpStatus()).as(type.suffix()).isEqualTo(200);
            assertThat(CheckoutResponses.record(type, outcome).succeeded()).as(type.suffix()).isTrue();
        }
        ShipEstimateResponse rates = (ShipEstimateResponse) record(sender, endpoint, CheckoutEventType.SHIPPING_RATES);
        assertThat(rates.shipEstimates()).hasSize(1);
        assertThat(rates.shipEstimates().get(0).shipMethods()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("ground");
            assertThat(m.cost()).isEqualByComparingTo("6.95");
        });
        OrderCalculateResponse calc = (OrderCalculateResponse) record(sender, endpoint, CheckoutEventType.ORDER_CALCULATE);
        assertThat(calc.taxTotal()).isEqualByComparingTo("2.23");
        assertThat(record(sender, endpoint, CheckoutEventType.ORDER_SUBMIT_FOR_APPROVAL).xp().path("Pending").asText())
                .isEqualTo("o-7");
        assertThat(record(sender, endpoint, CheckoutEventType.ORDER_APPROVED).xp().path("Approved").asText())
                .isEqualTo("o-7");
    }

    private static io.orderhooks.core.model.CheckoutResponse record(CheckoutIntegration sender,
            IntegrationEndpoint endpoint, CheckoutEventType type) {
        return CheckoutResponses.record(type, sender.deliver(new CheckoutCall(type, endpoint, "o-7", PAYLOAD, null)));
    }

    @Test
    void theHttpSendersSignaturesAreAcceptedByTheDispatcherUnderEitherRotatedKey() {
        HttpCheckoutIntegration sender = new HttpCheckoutIntegration(settings, Transports.defaultHttpClient());

        deliversAllFiveWithTypedAnswers(sender, endpoint("ie-old", base, "old-key"));
        deliversAllFiveWithTypedAnswers(sender, endpoint("ie-new", base + "/", "new-key"));

        assertThat(log.list(Query.ALL.withSucceeded(false))).isEmpty();
        assertThat(log.list(Query.ALL.withEndpointID("ie-old"))).hasSize(9)
                .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(OutcomeKind.DELIVERED));
        assertThat(timesHandled(CheckoutEventType.SHIPPING_RATES)).isEqualTo(4);
        assertThat(timesHandled(CheckoutEventType.ORDER_CALCULATE)).isEqualTo(4);
    }

    @Test
    void aSubmitSentAgainWithTheSameOrderIsHandledOnceAndReplayed() {
        HttpCheckoutIntegration sender = new HttpCheckoutIntegration(settings, Transports.defaultHttpClient());
        IntegrationEndpoint endpoint = endpoint("ie1", base, "old-key");

        DeliveryOutcome first = sender.deliver(new CheckoutCall(CheckoutEventType.ORDER_SUBMIT, endpoint, "o-7", PAYLOAD, "o-7/ordersubmit/1"));
        DeliveryOutcome second = sender.deliver(new CheckoutCall(CheckoutEventType.ORDER_SUBMIT, endpoint, "o-7", PAYLOAD, "o-7/ordersubmit/1"));

        assertThat(timesHandled(CheckoutEventType.ORDER_SUBMIT)).isEqualTo(1);
        assertThat(CheckoutResponses.record(CheckoutEventType.ORDER_SUBMIT, first).xp().path("Export").asText()).isEqualTo("o-7#1");
        assertThat(CheckoutResponses.record(CheckoutEventType.ORDER_SUBMIT, second).xp().path("Export").asText()).isEqualTo("o-7#1");
        assertThat(log.list(Query.ALL)).extracting(DeliveryRecord::idempotencyKey)
                .containsExactly("o-7/ordersubmit/1", "o-7/ordersubmit/1");
    }

    @Test
    void aWrongKeyOnTheSenderIsRefusedWith401AndRecordedAsRejected() {
        HttpCheckoutIntegration sender = new HttpCheckoutIntegration(settings, Transports.defaultHttpClient());
        IntegrationEndpoint wrong = endpoint("ie-wrong", base, "retired-key");

        for (CheckoutEventType type : CheckoutEventType.orderCheckout()) {
            DeliveryOutcome outcome = sender.deliver(new CheckoutCall(type, wrong, "o-7", PAYLOAD, null));
            assertThat(outcome).as(type.suffix()).isInstanceOfSatisfying(DeliveryOutcome.Rejected.class, r -> {
                assertThat(r.status()).isEqualTo(401);
                assertThat(r.bodyText()).contains("\"ErrorCode\":\"Unauthorized\"");
            });
            assertThat(CheckoutResponses.record(type, outcome).succeeded()).isFalse();
        }

        List<DeliveryRecord> records = log.list(Query.ALL.withEndpointID("ie-wrong"));
        assertThat(records).hasSize(5).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(OutcomeKind.REJECTED);
            assertThat(r.httpStatus()).isEqualTo(401);
            assertThat(r.succeeded()).isFalse();
            assertThat(r.attempt()).as("a 401 is an answer: never retried").isEqualTo(1);
        });
        assertThat(handled).isEmpty();
    }

    @Test
    void theInProcessSenderIsAcceptedByTheSameDispatcherAndAWrongKeyIsRefused() {
        try (InProcessCheckoutIntegration sender = new InProcessCheckoutIntegration(settings, dispatcher)) {
            deliversAllFiveWithTypedAnswers(sender, endpoint("ie-local", base, "new-key"));

            DeliveryOutcome refused = sender.deliver(new CheckoutCall(CheckoutEventType.ORDER_CALCULATE,
                    endpoint("ie-local-wrong", base, "retired-key"), "o-7", PAYLOAD, null));
            assertThat(refused.httpStatus()).isEqualTo(401);
        }
        assertThat(log.list(Query.ALL.withEndpointID("ie-local"))).hasSize(9)
                .allSatisfy(r -> assertThat(r.succeeded()).isTrue());
        assertThat(log.list(Query.ALL.withEndpointID("ie-local-wrong"))).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(OutcomeKind.REJECTED));
        assertThat(timesHandled(CheckoutEventType.ORDER_CALCULATE)).isEqualTo(2);
    }
}
