package io.orderhooks.engine.senders.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.core.model.PreWebhookResponse;
import io.orderhooks.engine.spi.DeliveryLog.Query;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.DeliveryRecord.Kind;
import io.orderhooks.engine.spi.DeliveryRecord.OutcomeKind;
import io.orderhooks.engine.spi.PreHookDecision;
import io.orderhooks.engine.spi.Redelivery;
import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.engine.spi.WebhookSink;
import io.orderhooks.core.time.MutableClock;
import io.orderhooks.engine.delivery.RetrySchedule;
import io.orderhooks.engine.delivery.Transports;
import io.orderhooks.webhooks.WebhooksDispatcher;
import io.orderhooks.webhooks.WebhooksPlugin;
import io.orderhooks.webhooks.testkit.WebhookPayloads;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook sinks against the real receiver: {@link HttpWebhookSink} over HTTP to a
 * {@link WebhooksDispatcher} mounted with {@link WebhooksPlugin} on a random port, and
 * {@link InProcessWebhookSink} to the same dispatcher. The dispatcher holds a rotated key set; its pre-hook
 * blocks submits of orders whose ID starts with {@code held-}; its post-hook fails while {@code failing} is
 * set and counts how often each {@code LogID} was handled.
 */
class DispatcherRoundTripAcceptanceTest {

    private static final String SUBMIT = "v1/orders/{direction}/{orderID}/submit";
    private static final String ADDRESS = "v1/buyers/{buyerID}/addresses/{addressID}";

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private final Map<String, AtomicInteger> handledByLogId = new ConcurrentHashMap<>();
    private volatile boolean failing;
    private WebhooksDispatcher dispatcher;
    private Javalin app;
    private String base;

    @BeforeEach
    void start() {
        dispatcher = WebhooksDispatcher.builder().hashKeys("new-key", "old-key")
                .preHook("POST", SUBMIT, e -> e.routeParam("orderID").startsWith("held-")
                        ? PreWebhookResponse.block("Order " + e.routeParam("orderID") + " is on hold")
                        : PreWebhookResponse.proceed())
                .postHook("PUT", ADDRESS, e -> {
                    if (failing) {
                        throw new IllegalStateException("address book is down");
                    }
                    handledByLogId.computeIfAbsent(e.logId(), id -> new AtomicInteger()).incrementAndGet();
                })
                .build();
        app = Javalin.create(cfg -> cfg.registerPlugin(WebhooksPlugin.at("/hooks", dispatcher))).start(0);
        base = "http://localhost:" + app.port() + "/hooks";
    }

    @AfterEach
    void stop() {
        app.stop();
        dispatcher.close();
    }

    private WebhookSinkSettings settings(RetrySchedule schedule) {
        return WebhookSinkSettings.builder(log).clock(clock).workers(0).random(() -> 0.5)
                .preTimeLimit(Duration.ofSeconds(5)).postTimeLimit(Duration.ofSeconds(5)).schedule(schedule).build();
    }

    private WebhookEndpoint pre(String id, String hashKey) {
        return new WebhookEndpoint(id, base + "/pre", hashKey, null, null, true, false);
    }

    private WebhookEndpoint post(String id, String hashKey) {
        return new WebhookEndpoint(id, base + "/post", hashKey, null, null, false, false);
    }

    private static byte[] submitOf(String orderID) {
        return WebhookPayloads.forRoute(SUBMIT, "POST").param("direction", "Outgoing").param("orderID", orderID)
                .logId("log-" + orderID).toBytes();
    }

    private static byte[] addressUpdate(String logId) {
        return WebhookPayloads.forRoute(ADDRESS, "PUT").param("buyerID", "b1").param("addressID", "home")
                .requestBody(Map.of("City", "Minneapolis")).logId(logId).toBytes();
    }

    private int handled(String logId) {
        AtomicInteger n = handledByLogId.get(logId);
        return n == null ? 0 : n.get();
    }

    /** Pre-hook verdicts travel back typed: proceed for o-1, block with the receiver's body for held-1. */
    private void preHooksProceedAndBlock(WebhookSink sink, String hashKey) {
        PreHookDecision proceed = sink.before(pre("pre-" + hashKey, hashKey), submitOf("o-1"));
        assertThat(proceed.proceed()).isTrue();
        assertThat(proceed.body()).isNull();

        PreHookDecision blocked = sink.before(pre("pre-" + hashKey, hashKey), submitOf("held-1"));
        assertThat(blocked.proceed()).isFalse();
        assertThat(blocked.body().asText()).isEqualTo("Order held-1 is on hold");
        assertThat(log.list(Query.ALL.withEndpointID("pre-" + hashKey))).hasSize(2).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(Kind.PRE_WEBHOOK);
            assertThat(r.succeeded()).isTrue();
            assertThat(r.subject()).isEqualTo("POST " + SUBMIT);
        });
    }

    @Test
    void theHttpSinksPreHookSignaturesAreAcceptedUnderEitherRotatedKeyAndTheVerdictsComeBack() {
        try (HttpWebhookSink sink = new HttpWebhookSink(settings(RetrySchedule.DEFAULT), Transports.defaultHttpClient())) {
            preHooksProceedAndBlock(sink, "old-key");
            preHooksProceedAndBlock(sink, "new-key");
        }
    }

    @Test
    void aPostHookRetriedAfterAFailureIsHandledOnceAndARepeatedLogIdIsNotHandledAgain() {
        try (HttpWebhookSink sink = new HttpWebhookSink(settings(RetrySchedule.of(0, Duration.ofSeconds(1))),
                Transports.defaultHttpClient())) {
            failing = true;
            sink.after(post("post1", "old-key"), addressUpdate("log-a"));
            assertThat(sink.runDue()).isEqualTo(1);
            failing = false;
            clock.advance(Duration.ofSeconds(1));
            assertThat(sink.runDue()).isEqualTo(1);
            sink.after(post("post1", "new-key"), addressUpdate("log-a"));
            assertThat(sink.runDue()).isEqualTo(1);
        }

        assertThat(handled("log-a")).isEqualTo(1);
        assertThat(log.list(Query.ALL.withEndpointID("post1"))).extracting(DeliveryRecord::attempt,
                DeliveryRecord::httpStatus, DeliveryRecord::succeeded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 200, true),
                        org.assertj.core.groups.Tuple.tuple(2, 200, true),
                        org.assertj.core.groups.Tuple.tuple(1, 500, false));
    }

    @Test
    void aDeadLetterRedeliveredTwiceReachesTheHandlerOnceForItsLogId() {
        try (HttpWebhookSink sink = new HttpWebhookSink(settings(RetrySchedule.of(0)), Transports.defaultHttpClient())) {
            failing = true;
            sink.after(post("post1", "old-key"), addressUpdate("log-b"));
            sink.runDue();
            DeliveryRecord dead = log.list(Query.ALL.withDeadLetter(true)).get(0);
            assertThat(dead.httpStatus()).isEqualTo(500);
            assertThat(dead.responseBody()).contains("\"ErrorCode\":\"ServerError\"");
            failing = false;

            Redelivery.Result first = sink.redeliver(dead.id());
            Redelivery.Result again = sink.redeliver(dead.id());

            assertThat(first.record().succeeded()).isTrue();
            assertThat(again.record().succeeded()).isTrue();
            assertThat(List.of(first.record().redeliveryOf(), again.record().redeliveryOf())).containsOnly(dead.id());
            assertThat(first.record().requestBody()).isEqualTo(dead.requestBody());
        }
        assertThat(handled("log-b")).isEqualTo(1);
    }

    @Test
    void aWrongKeyIsRefusedWith401SoThePreHookBlocksAndThePostHookIsDeadLettered() {
        try (HttpWebhookSink sink = new HttpWebhookSink(settings(RetrySchedule.of(0)), Transports.defaultHttpClient())) {
            PreHookDecision decision = sink.before(pre("pre-wrong", "retired-key"), submitOf("o-1"));
            assertThat(decision.proceed()).isFalse();
            assertThat(decision.outcome().httpStatus()).isEqualTo(401);
            assertThat(decision.body().asText()).contains("rejected with HTTP 401");

            sink.after(post("post-wrong", "retired-key"), addressUpdate("log-c"));
            sink.runDue();
        }
        assertThat(log.list(Query.ALL.withEndpointID("post-wrong"))).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(OutcomeKind.REJECTED);
            assertThat(r.httpStatus()).isEqualTo(401);
            assertThat(r.deadLetter()).isTrue();
            assertThat(r.redeliverable()).isTrue();
        });
        assertThat(handled("log-c")).isZero();
    }

    @Test
    void theInProcessSinkIsAcceptedByTheSameDispatcherWithTheSameOutcomes() {
        try (InProcessWebhookSink sink = new InProcessWebhookSink(settings(RetrySchedule.of(0)), dispatcher, "/hooks")) {
            preHooksProceedAndBlock(sink, "new-key");

            sink.after(post("post-local", "old-key"), addressUpdate("log-d"));
            sink.after(post("post-local", "old-key"), addressUpdate("log-d"));
            assertThat(sink.runDue()).isEqualTo(2);

            PreHookDecision refused = sink.before(pre("pre-local-wrong", "retired-key"), submitOf("o-1"));
            assertThat(refused.proceed()).isFalse();
            assertThat(refused.outcome().httpStatus()).isEqualTo(401);
        }
        assertThat(handled("log-d")).isEqualTo(1);
        assertThat(log.list(Query.ALL.withEndpointID("post-local"))).hasSize(2)
                .allSatisfy(r -> assertThat(r.succeeded()).isTrue());
    }
}
