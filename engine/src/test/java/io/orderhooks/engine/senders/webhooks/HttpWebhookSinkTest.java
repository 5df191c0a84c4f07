package io.orderhooks.engine.senders.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.core.signing.OcHash;
import io.orderhooks.engine.spi.DeliveryLog.Query;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.DeliveryRecord.Kind;
import io.orderhooks.engine.spi.DeliveryRecord.OutcomeKind;
import io.orderhooks.engine.spi.PreHookDecision;
import io.orderhooks.engine.spi.Redelivery;
import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.core.time.MutableClock;
import io.orderhooks.engine.delivery.RetrySchedule;
import io.orderhooks.engine.delivery.Transports;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpWebhookSinkTest {

    private static final byte[] PAYLOAD = ("{\"Route\":\"v1/orders/{direction}/{orderID}/submit\",\"RouteParams\":"
            + "{\"direction\":\"Incoming\",\"orderID\":\"o1\"},\"Verb\":\"POST\",\"LogID\":\"log-1\"}").getBytes(StandardCharsets.UTF_8);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private HttpWebhookSink sink;

    @BeforeEach
    void start() {
        server.start();
        sink = sink(10, GENEROUS);
    }

    @AfterEach
    void stop() {
        sink.close();
        server.stop();
    }

    /** Pre-webhook limit for answers that come at once: a cold JVM on a loaded machine may take a while. */
    private static final Duration GENEROUS = Duration.ofSeconds(5);

    private HttpWebhookSink sink(int capacity, Duration preLimit) {
        return new HttpWebhookSink(WebhookSinkSettings.builder(log).clock(clock).workers(0).queueCapacity(capacity)
                .preTimeLimit(preLimit).postTimeLimit(Duration.ofSeconds(5))
                .schedule(RetrySchedule.of(0.2, Duration.ofSeconds(1), Duration.ofSeconds(5)))
                .random(() -> 0.5).build(), Transports.defaultHttpClient());
    }

    private WebhookEndpoint hook(boolean pre, boolean proceedOnFailure) {
        return new WebhookEndpoint("wh1", server.baseUrl() + "/hooks/orders", "wh-key", null, null, pre, proceedOnFailure);
    }

    private List<DeliveryRecord> records() {
        return log.list(Query.ALL);
    }

    @Test
    void aPreWebhookBlocksWithTheBodyItsReceiverReturns() {
        server.stubFor(post("/hooks/orders").willReturn(aResponse().withStatus(200)
                .withBody("{\"proceed\":false,\"body\":{\"Message\":\"Address not allowed\"}}")));

        PreHookDecision decision = sink.before(hook(true, false), PAYLOAD);

        assertThat(decision.proceed()).isFalse();
        assertThat(decision.body().get("Message").asText()).isEqualTo("Address not allowed");
        assertThat(decision.outcome()).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(server.getAllServeEvents().get(0).getRequest().getHeader(OcHash.HEADER))
                .isEqualTo(OcHash.sign("wh-key", PAYLOAD));
        assertThat(records()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(Kind.PRE_WEBHOOK);
            assertThat(r.subject()).isEqualTo("POST v1/orders/{direction}/{orderID}/submit");
            assertThat(r.orderID()).isEqualTo("o1");
            assertThat(r.succeeded()).isTrue();
        });
    }

    @Test
    void aPreWebhookSlowerThanItsLimitBlocksByDefaultDescribingTheFailure() {
        server.stubFor(post("/hooks/orders").willReturn(aResponse().withStatus(200).withFixedDelay(1000)
                .withBody("{\"proceed\":true}")));
        sink.close();
        sink = sink(10, Duration.ofMillis(200));

        PreHookDecision decision = sink.before(hook(true, false), PAYLOAD);

        assertThat(decision.proceed()).isFalse();
        assertThat(decision.body().asText()).isEqualTo(
                "Pre-webhook wh1 failed (timed out after 200 ms); the request was blocked by the webhook's failure policy");
        assertThat(decision.outcome()).isInstanceOf(DeliveryOutcome.TimedOut.class);
        assertThat(records()).singleElement().extracting(DeliveryRecord::outcome).isEqualTo(OutcomeKind.TIMED_OUT);
    }

    @Test
    void aFailedPreWebhookLetsTheRequestProceedWhenItsPolicySaysSo() {
        server.stubFor(post("/hooks/orders").willReturn(aResponse().withStatus(500)));

        PreHookDecision decision = sink.before(hook(true, true), PAYLOAD);

        assertThat(decision.proceed()).isTrue();
        assertThat(decision.body()).isNull();
        assertThat(decision.outcome().httpStatus()).isEqualTo(500);
    }

    @Test
    void aMalformedPreWebhookReplyFallsToTheFailurePolicy() {
        server.stubFor(post("/hooks/orders").willReturn(aResponse().withStatus(200).withBody("{\"Proceed\":\"yes\"}")));

        PreHookDecision decision = sink.before(hook(true, false), PAYLOAD);

        assertThat(decision.proceed()).isFalse();
        assertThat(decision.body().asText()).isEqualTo("Pre-webhook wh1 failed (pre-webhook reply has no boolean "
                + "\"proceed\": {\"Proceed\":\"yes\"}); the request was blocked by the webhook's failure policy");
        assertThat(records().get(0).succeeded()).isFalse();
    }

    @Test
    void aPostWebhookIsQueuedThenRetriedOnTheScheduleUntilA503TurnsInto200() {
        server.stubFor(post("/hooks/orders").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.stubFor(post("/hooks/orders").inScenario("s").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));

        sink.after(hook(false, false), PAYLOAD);

        assertThat(server.getAllServeEvents()).isEmpty();
        assertThat(sink.queued()).isEqualTo(1);
        assertThat(sink.runDue()).isEqualTo(1);
        assertThat(sink.runDue()).isZero();
        clock.advance(Duration.ofMillis(999));
        assertThat(sink.runDue()).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(sink.runDue()).isEqualTo(1);

        assertThat(sink.queued()).isZero();
        assertThat(server.getAllServeEvents()).hasSize(2)
                .allSatisfy(e -> assertThat(e.getRequest().getBody()).isEqualTo(PAYLOAD));
        assertThat(records()).extracting(DeliveryRecord::attempt, DeliveryRecord::httpStatus, DeliveryRecord::deadLetter,
                DeliveryRecord::timestamp).containsExactly(tuple(2, 200, false, T0.plusSeconds(1)), tuple(1, 503, false, T0));
    }

    @Test
    void aPostWebhookThatKeepsFailingIsDeadLetteredAfterItsLastAttemptAndCanBeRedelivered() {
        server.stubFor(post("/hooks/orders").willReturn(aResponse().withStatus(500)));
        sink.after(hook(false, false), PAYLOAD);
        sink.runDue();
        clock.advance(Duration.ofSeconds(1));
        sink.runDue();
        clock.advance(Duration.ofSeconds(5));
        sink.runDue();
        clock.advance(Duration.ofHours(1));
        assertThat(sink.runDue()).isZero();

        assertThat(records()).extracting(DeliveryRecord::attempt, DeliveryRecord::deadLetter)
                .containsExactly(tuple(3, true), tuple(2, false), tuple(1, false));
        DeliveryRecord deadLetter = log.list(Query.ALL.withDeadLetter(true)).get(0);

        server.stubFor(post("/hooks/orders").willReturn(aResponse().withStatus(204)));
        Redelivery.Result result = sink.redeliver(deadLetter.id());

        assertThat(result.outcome()).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(result.record().redeliveryOf()).isEqualTo(deadLetter.id());
        assertThat(server.getAllServeEvents()).hasSize(4)
                .allSatisfy(e -> assertThat(e.getRequest().getBody()).isEqualTo(PAYLOAD));
    }

    @Test
    void aFullQueueDeadLettersTheNewEventInsteadOfDroppingIt() {
        HttpWebhookSink tiny = sink(1, GENEROUS);
        server.stubFor(post("/hooks/orders").willReturn(aResponse().withStatus(200)));

        tiny.after(hook(false, false), PAYLOAD);
        tiny.after(hook(false, false), "{\"LogID\":\"log-2\"}".getBytes(StandardCharsets.UTF_8));

        DeliveryRecord overflow = records().get(0);
        assertThat(overflow.outcome()).isEqualTo(OutcomeKind.NOT_ATTEMPTED);
        assertThat(overflow.error()).isEqualTo("queue full (capacity 1)");
        assertThat(overflow.deadLetter()).isTrue();
        assertThat(tiny.runDue()).isEqualTo(1);
        assertThat(tiny.redeliver(overflow.id()).record().succeeded()).isTrue();
        assertThat(server.getAllServeEvents()).extracting(e -> e.getRequest().getBodyAsString())
                .containsExactlyInAnyOrder(new String(PAYLOAD, StandardCharsets.UTF_8), "{\"LogID\":\"log-2\"}");
        tiny.close();
    }

    @Test
    void closingDeadLettersWhatIsStillQueuedAndEverythingAcceptedAfterwards() {
        server.stubFor(post("/hooks/orders").willReturn(aResponse().withStatus(500)));
        sink.after(hook(false, false), PAYLOAD);
        sink.runDue();
        sink.after(hook(false, false), PAYLOAD);

        List<DeliveryRecord> deadLetters = sink.shutdown();
        sink.after(hook(false, false), PAYLOAD);

        assertThat(deadLetters).extracting(DeliveryRecord::attempt, DeliveryRecord::error).containsExactlyInAnyOrder(
                tuple(1, "shutdown: the webhook sink closed before attempt 1"),
                tuple(2, "shutdown: the webhook sink closed before attempt 2"));
        assertThat(records().get(0).error()).isEqualTo("shutdown: the webhook sink is closed");
        assertThat(log.list(Query.ALL.withDeadLetter(true).redeliverable())).hasSize(3);
        assertThat(server.getAllServeEvents()).hasSize(1);
    }
}
