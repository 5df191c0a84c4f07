package io.orderhooks.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.PreWebhookResponse;
import io.orderhooks.core.observe.ObservedEvent;
import io.orderhooks.core.observe.ReceiverEvent;
import io.orderhooks.core.observe.ReceiverEvent.Outcome;
import io.orderhooks.core.time.MutableClock;
import io.orderhooks.webhooks.testkit.WebhookPayloads;
import io.orderhooks.webhooks.testkit.WebhookSigning;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a webhooks dispatcher tells its observer: outcomes per hook, handler runs, queue depth, dead letters. */
class WebhooksObserverTest {

    static final String KEY = "k";
    static final String SUBMIT = "v1/orders/{direction}/{orderID}/submit";
    static final String PRE = "POST " + SUBMIT + " (pre)";
    static final String POST = "POST " + SUBMIT + " (post)";

    final List<ObservedEvent> events = new CopyOnWriteArrayList<>();
    WebhooksDispatcher dispatcher;

    @AfterEach
    void close() {
        dispatcher.close();
    }

    static byte[] submit(String logId) {
        return WebhookPayloads.forRoute(SUBMIT, "POST").param("direction", "Incoming").param("orderID", "o-" + logId)
                .logId(logId).requestBody("{}").toBytes();
    }

    Outcome send(byte[] body) {
        events.removeIf(ReceiverEvent.Handled.class::isInstance);
        dispatcher.handle(WebhookSigning.signedRequest(KEY, body));
        return events.stream().filter(ReceiverEvent.Handled.class::isInstance).map(e -> (ReceiverEvent.Handled) e)
                .reduce((a, b) -> b).orElseThrow().outcome();
    }

    @Test
    void preHookOutcomesFollowTheHandlerAndTheFailurePolicy() {
        dispatcher = WebhooksDispatcher.builder().hashKeys(KEY).observer(events::add)
                .preHook("POST", SUBMIT, e -> e.logId().equals("fail") ? null : PreWebhookResponse.block("no"))
                .build();

        assertThat(send(submit("ok"))).isEqualTo(Outcome.ANSWERED);
        assertThat(send(submit("fail"))).isEqualTo(Outcome.INVALID_ANSWER);
        assertThat(events).contains(new ReceiverEvent.HandlerStarted(ReceiverEvent.WEBHOOKS, PRE));
        dispatcher.close();

        dispatcher = WebhooksDispatcher.builder().hashKeys(KEY).observer(events::add)
                .preHook("POST", SUBMIT, new PreHookPolicy(Duration.ofSeconds(5), FailurePolicy.PROCEED), e -> {
                    throw new IllegalStateException("down");
                }).build();
        assertThat(send(submit("x"))).isEqualTo(Outcome.FALLBACK_USED);
    }

    @Test
    void asyncPostsAreQueuedThenDeadLetteredAndTheQueueDepthIsReadable() {
        MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
        dispatcher = WebhooksDispatcher.builder().hashKeys(KEY).clock(clock).observer(events::add)
                .asyncPosts(AsyncPostOptions.builder().workers(0).maxAttempts(1).build())
                .postHook("POST", SUBMIT, e -> {
                    throw new IllegalStateException("ERP down");
                }).build();
        IntSupplier depth = events.stream().filter(ReceiverEvent.QueueAttached.class::isInstance)
                .map(e -> ((ReceiverEvent.QueueAttached) e).depth()).findFirst().orElseThrow();

        assertThat(send(submit("l1"))).isEqualTo(Outcome.QUEUED);
        assertThat(send(submit("l1"))).isEqualTo(Outcome.DUPLICATE);
        assertThat(depth.getAsInt()).isEqualTo(1);
        dispatcher.postQueue().runDue();

        assertThat(depth.getAsInt()).isZero();
        assertThat(events).contains(new ReceiverEvent.DeadLettered(ReceiverEvent.WEBHOOKS, POST),
                new ReceiverEvent.HandlerStarted(ReceiverEvent.WEBHOOKS, POST));
    }
}
