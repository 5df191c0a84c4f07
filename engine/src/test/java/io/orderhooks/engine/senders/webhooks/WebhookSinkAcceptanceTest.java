package io.orderhooks.engine.senders.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.javalin.JavalinMount;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.receiver.RequestGuard;
import io.orderhooks.core.receiver.SignaturePolicy;
import io.orderhooks.engine.spi.DeliveryLog.Query;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.PreHookDecision;
import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.engine.delivery.Transports;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real HTTP on a random port, worker threads on: a receiver guarded by core's {@link RequestGuard} verifies
 * every signature the sink produces (stand-in for the webhooks dispatcher until the modules are merged).
 */
class WebhookSinkAcceptanceTest {

    private static final byte[] PAYLOAD = ("{\"Route\":\"v1/buyers/{buyerID}/addresses/{addressID}\",\"Verb\":\"PUT\","
            + "\"Request\":{\"Body\":{\"City\":\"Minneapolis\"}},\"ConfigData\":{\"Foo\":\"blah\"}}").getBytes(StandardCharsets.UTF_8);

    private final List<RawRequest> accepted = new CopyOnWriteArrayList<>();
    private final List<RawRequest> refused = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch delivered = new CountDownLatch(2);
    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private Javalin app;

    private final RawHandler receiver = request -> {
        RequestGuard guard = new RequestGuard(RequestGuard.DEFAULT_MAX_BODY_BYTES);
        return guard.check(request, SignaturePolicy.keys("myhashkey")).map(error -> {
            refused.add(request);
            return error;
        }).orElseGet(() -> {
            accepted.add(request);
            if (request.path().equals("/post")) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                delivered.countDown();
                return RawResponse.json(200, new byte[0]);
            }
            return RawResponse.json(200, "{\"proceed\":true,\"body\":null}".getBytes(StandardCharsets.UTF_8));
        });
    };

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private String serve() {
        app = Javalin.create(cfg -> JavalinMount.mount(cfg.routes, "/hooks", () -> RequestGuard.DEFAULT_MAX_BODY_BYTES, receiver))
                .start(0);
        return "http://localhost:" + app.port() + "/hooks";
    }

    @Test
    void aGuardedReceiverVerifiesEverySignatureAndASlowPostReceiverNeverBlocksTheCaller() throws InterruptedException {
        String base = serve();
        WebhookEndpoint pre = new WebhookEndpoint("pre1", base + "/pre", "myhashkey", null, null, true, false);
        WebhookEndpoint post = new WebhookEndpoint("post1", base + "/post", "myhashkey", null, null, false, false);

        try (HttpWebhookSink sink = new HttpWebhookSink(WebhookSinkSettings.builder(log).workers(2)
                .postTimeLimit(Duration.ofSeconds(20)).build(), Transports.defaultHttpClient())) {
            PreHookDecision decision = sink.before(pre, PAYLOAD);
            assertThat(decision.proceed()).isTrue();

            sink.after(post, PAYLOAD);
            sink.after(post, PAYLOAD);
            // both calls returned although the receiver holds both deliveries until released
            assertThat(sink.queued()).isEqualTo(2);
            release.countDown();
            assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(refused).isEmpty();
        assertThat(accepted).extracting(RawRequest::path).containsExactlyInAnyOrder("/pre", "/post", "/post");
        assertThat(accepted).allSatisfy(r -> assertThat(r.body()).isEqualTo(PAYLOAD));
        assertThat(log.list(Query.ALL.withKind(DeliveryRecord.Kind.POST_WEBHOOK).withSucceeded(true))).hasSize(2);
    }
}
