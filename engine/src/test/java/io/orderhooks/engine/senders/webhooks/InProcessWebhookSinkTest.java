package io.orderhooks.engine.senders.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.receiver.RequestGuard;
import io.orderhooks.core.receiver.SignaturePolicy;
import io.orderhooks.engine.spi.DeliveryLog.Query;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.PreHookDecision;
import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.core.time.MutableClock;
import io.orderhooks.engine.delivery.RetrySchedule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class InProcessWebhookSinkTest {

    private static final byte[] PAYLOAD = "{\"Route\":\"v1/orders\",\"Verb\":\"POST\"}".getBytes(StandardCharsets.UTF_8);

    private final List<RawRequest> seen = new CopyOnWriteArrayList<>();
    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");

    private WebhookSinkSettings settings() {
        return WebhookSinkSettings.builder(log).clock(clock).workers(0).preTimeLimit(Duration.ofMillis(100))
                .schedule(RetrySchedule.of(0, Duration.ofSeconds(1))).build();
    }

    @Test
    void deliversSignedBytesToTheDispatcherOnThePathBelowItsMount() {
        try (InProcessWebhookSink sink = new InProcessWebhookSink(settings(), request -> {
            seen.add(request);
            return new RequestGuard(1024).check(request, SignaturePolicy.keys("k")).orElse(RawResponse.json(200, new byte[0]));
        }, "/webhooks")) {
            sink.after(new WebhookEndpoint("wh1", "https://mw.example.com/webhooks/orders", "k", null, null, false, false), PAYLOAD);
            assertThat(sink.runDue()).isEqualTo(1);
        }

        assertThat(seen).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/orders");
            assertThat(r.body()).isEqualTo(PAYLOAD);
        });
        assertThat(log.list(Query.ALL)).singleElement().satisfies(r -> {
            assertThat(r.succeeded()).isTrue();
            assertThat(r.url()).isEqualTo("https://mw.example.com/webhooks/orders");
        });
    }

    @Test
    void refusesToReplayARecordToAUrlBecauseItHasNoHttpTransport() {
        try (InProcessWebhookSink sink = new InProcessWebhookSink(settings(), request -> RawResponse.json(200, new byte[0]), "/webhooks")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sink.replayTo("d1", "http://localhost:9000/hooks"))
                    .isInstanceOfSatisfying(io.orderhooks.core.error.OrderCloudException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.errorCode()).isEqualTo("Delivery.NotReplayable");
                        assertThat(e.getMessage()).isEqualTo("Delivery d1 cannot be sent to http://localhost:9000/hooks:"
                                + " this engine delivers webhooks to a dispatcher in process, not over HTTP");
                    });
        }
        assertThat(log.list(Query.ALL)).isEmpty();
    }

    @Test
    void aHangingPreHandlerIsCutOffAndBlocksTheRequest() {
        try (InProcessWebhookSink sink = new InProcessWebhookSink(settings(), request -> {
            try {
                new java.util.concurrent.CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return RawResponse.json(200, "{\"proceed\":true}".getBytes(StandardCharsets.UTF_8));
        })) {
            PreHookDecision decision = sink.before(
                    new WebhookEndpoint("wh1", "https://mw.example.com/pre", null, null, null, true, false), PAYLOAD);

            assertThat(decision.proceed()).isFalse();
            assertThat(decision.body().asText()).contains("timed out after 100 ms");
            assertThat(log.list(Query.ALL)).singleElement().extracting(DeliveryRecord::outcome)
                    .isEqualTo(DeliveryRecord.OutcomeKind.TIMED_OUT);
        }
    }

    @Test
    void stripsOnlyAWholeMountSegment() {
        assertThat(InProcessWebhookSink.relative("https://x/webhooks/a", "/webhooks")).isEqualTo("/a");
        assertThat(InProcessWebhookSink.relative("https://x/webhooksX/a", "/webhooks")).isEqualTo("/webhooksX/a");
        assertThat(InProcessWebhookSink.relative("https://x", "")).isEqualTo("/");
    }
}
