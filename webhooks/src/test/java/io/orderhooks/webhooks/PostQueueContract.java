package io.orderhooks.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.time.MutableClock;
import io.orderhooks.webhooks.testkit.WebhookPayloads;
import io.orderhooks.webhooks.testkit.WebhookSigning;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The asynchronous post-webhook queue's contract over real HTTP, run against every {@link PostQueueStorage}
 * (memory here, PostgreSQL in {@code orderhooks-middleware-postgres}): ack at once, retry with backoff, dead
 * letters, redrive, back-pressure. Extend it and return a fresh, empty storage.
 */
public abstract class PostQueueContract {

    static final String KEY = "post-key";
    static final String SUBMIT = "v1/orders/{direction}/{orderID}/submit";

    protected final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    final AtomicBoolean healthy = new AtomicBoolean(false);
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger successes = new AtomicInteger();
    final BlockingQueue<PostQueueEvent> events = new LinkedBlockingQueue<>();
    protected WebhooksDispatcher dispatcher;
    HttpHarness http;

    /** A storage with no deliveries and no dead letters. */
    protected abstract PostQueueStorage newStorage();

    protected void start(AsyncPostOptions.Builder options) {
        dispatcher = WebhooksDispatcher.builder().hashKeys(KEY).clock(clock).postQueueStorage(newStorage())
                .asyncPosts(options.listener(events::add).build())
                .postHook("POST", SUBMIT, e -> {
                    calls.incrementAndGet();
                    if (!healthy.get()) {
                        throw new IllegalStateException("ERP is down");
                    }
                    successes.incrementAndGet();
                })
                .build();
        http = new HttpHarness(WebhooksPlugin.at("/hooks", dispatcher));
    }

    @AfterEach
    public void stop() {
        if (http != null) {
            http.close();
            dispatcher.close();
        }
    }

    protected static byte[] submit(String logId) {
        return WebhookPayloads.forRoute(SUBMIT, "POST").param("direction", "Incoming").param("orderID", "o-" + logId)
                .logId(logId).requestBody("{}").responseBody("{\"ID\":\"o-" + logId + "\"}").toBytes();
    }

    protected HttpResponse<String> send(byte[] body) throws Exception {
        return http.post("/hooks", body, "Content-Type", "application/json", "X-oc-hash", WebhookSigning.sign(KEY, body));
    }

    @Test
    public void retriesWithBackoffThenDeadLettersThenRedrives() throws Exception {
        start(AsyncPostOptions.builder().workers(0).maxAttempts(3).initialBackoff(Duration.ofSeconds(1)).multiplier(2));
        byte[] body = submit("log-1");
        PostQueue queue = dispatcher.postQueue();

        HttpResponse<String> ack = send(body);
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).isEqualTo("{}");
        assertThat(calls.get()).isZero();
        assertThat(send(body).statusCode()).as("a duplicate LogID is not queued again").isEqualTo(200);
        assertThat(queue.pending()).isEqualTo(1);

        assertThat(queue.runDue()).isEqualTo(1);
        assertThat(queue.runDue()).as("the first retry is not due yet").isZero();
        clock.advance(Duration.ofMillis(999));
        assertThat(queue.runDue()).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(queue.runDue()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1999));
        assertThat(queue.runDue()).as("the second backoff doubles").isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(queue.runDue()).isEqualTo(1);

        assertThat(calls.get()).isEqualTo(3);
        assertThat(queue.pending()).isZero();
        DeadLetter letter = queue.deadLetters().get(0);
        assertThat(letter.logId()).isEqualTo("log-1");
        assertThat(letter.verb()).isEqualTo("POST");
        assertThat(letter.route()).isEqualTo(SUBMIT);
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.lastError()).isEqualTo("IllegalStateException: ERP is down");
        assertThat(letter.failedAt()).isEqualTo(clock.instant());
        assertThat(letter.payload()).isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(events).hasAtLeastOneElementOfType(PostQueueEvent.DeadLettered.class);

        healthy.set(true);
        queue.redrive(letter.id());
        assertThat(queue.deadLetters()).isEmpty();
        assertThat(queue.runDue()).isEqualTo(1);
        assertThat(successes.get()).isEqualTo(1);
        assertThat(queue.pending()).isZero();
        assertThatThrownBy(() -> queue.redrive(letter.id())).isInstanceOf(NoSuchElementException.class)
                .hasMessage("no dead letter " + letter.id());
    }

    @Test
    public void aFullQueueAnswers503AndTheRefusedDeliveryIsAcceptedLater() throws Exception {
        healthy.set(true);
        start(AsyncPostOptions.builder().workers(0).capacity(2));
        assertThat(send(submit("a")).statusCode()).isEqualTo(200);
        assertThat(send(submit("b")).statusCode()).isEqualTo(200);

        HttpResponse<String> full = send(submit("c"));

        assertThat(full.statusCode()).isEqualTo(503);
        assertThat(full.headers().firstValue("Retry-After")).hasValue("5");
        JsonNode error = OrderCloudJson.mapper().readTree(full.body()).get("Errors").get(0);
        assertThat(error.get("ErrorCode").asText()).isEqualTo("Webhook.QueueFull");
        assertThat(error.get("Message").asText()).isEqualTo("The webhook queue is full (2 deliveries pending); deliver again later");
        assertThat(events).contains(new PostQueueEvent.Rejected("c", "the queue is full"));

        assertThat(dispatcher.postQueue().runDue()).isEqualTo(2);
        assertThat(send(submit("c")).statusCode()).as("a refused LogID is not remembered").isEqualTo(200);
        assertThat(dispatcher.postQueue().runDue()).isEqualTo(1);
        assertThat(successes.get()).isEqualTo(3);
    }

    @Test
    public void workerThreadsRetryWhenTheClockReachesTheBackoff() throws Exception {
        start(AsyncPostOptions.builder().workers(2).initialBackoff(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20)));

        assertThat(send(submit("w-1")).statusCode()).isEqualTo(200);
        PostQueueEvent first = events.poll(10, TimeUnit.SECONDS);
        assertThat(first).isInstanceOfSatisfying(PostQueueEvent.RetryScheduled.class, r -> {
            assertThat(r.attempt()).isEqualTo(1);
            assertThat(r.dueAt()).isEqualTo(clock.instant().plusSeconds(30));
        });
        healthy.set(true);
        clock.advance(Duration.ofSeconds(30));

        PostQueueEvent second = events.poll(10, TimeUnit.SECONDS);
        assertThat(second).isEqualTo(new PostQueueEvent.Delivered("w-1", SUBMIT, 2));
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    public void afterShutdownNewDeliveriesAreRefused() throws Exception {
        start(AsyncPostOptions.builder().workers(0));
        dispatcher.postQueue().shutdown(Duration.ofSeconds(1));

        HttpResponse<String> late = send(submit("late"));

        assertThat(late.statusCode()).isEqualTo(503);
        assertThat(late.body()).contains("\"ErrorCode\":\"Webhook.ShuttingDown\"");
    }

    @Test
    public void healthShowsPendingAndDeadLetters() throws Exception {
        start(AsyncPostOptions.builder().workers(0).maxAttempts(1));
        send(submit("h-1"));
        dispatcher.postQueue().runDue();
        send(submit("h-2"));

        JsonNode health = OrderCloudJson.mapper().readTree(http.send("GET", "/hooks/health").body());

        assertThat(health.get("Pending").asInt()).isEqualTo(1);
        assertThat(health.get("DeadLetters").asInt()).isEqualTo(1);
    }

    @Test
    public void aDeliveryKeepsTheLoggingContextOfItsRequestThroughARetry() {
        PostQueueStorage storage = newStorage();
        Map<String, String> context = Map.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736", "logId", "ctx-1");
        storage.add(new QueuedPost("ctx-1", "ctx-1", "POST", "v1/orders", submit("ctx-1"), 0, context), clock.instant(), 10);

        PostQueueStorage.Claim first = storage.claimDue(clock.instant()).orElseThrow();
        assertThat(first.post().context()).isEqualTo(context);
        first.retry(1, clock.instant(), "ERP is down");
        PostQueueStorage.Claim second = storage.claimDue(clock.instant()).orElseThrow();

        assertThat(second.post().attempts()).isEqualTo(1);
        assertThat(second.post().context()).isEqualTo(context);
        second.delivered();
    }
}
