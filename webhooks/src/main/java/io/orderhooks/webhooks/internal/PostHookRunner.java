package io.orderhooks.webhooks.internal;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.receiver.IdempotencyStore;
import io.orderhooks.core.receiver.ReceiverErrors;
import io.orderhooks.core.receiver.TimeBudget;
import io.orderhooks.core.observe.Observer;
import io.orderhooks.core.observe.ReceiverEvent;
import io.orderhooks.webhooks.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a post-webhook delivery, once per {@code LogID}: synchronously (run the handler, 200 {@code {}}
 * after it finished, its {@link OrderCloudException} or a 500 with a correlation id if it failed), or
 * asynchronously (queue it and answer 200 {@code {}} at once, 503 {@code Webhook.QueueFull} if the queue has
 * no room). Only 2xx answers are remembered, so OrderCloud's own retry of a failed delivery runs again.
 */
public final class PostHookRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PostHookRunner.class);
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    /** ErrorCode of the 503 when the asynchronous queue is full. */
    public static final String QUEUE_FULL = "Webhook.QueueFull";
    /** ErrorCode of the 503 when the dispatcher is shutting down. */
    public static final String SHUTTING_DOWN = "Webhook.ShuttingDown";

    private final PostAttempt attempt;
    private final IdempotencyStore store;
    private final AsyncPostQueue queue;

    /** @param queue the asynchronous queue, or null to run handlers synchronously */
    public PostHookRunner(TimeBudget budget, Duration timeLimit, IdempotencyStore store, AsyncPostQueue queue,
            Observer observer) {
        this.attempt = new PostAttempt(budget, timeLimit, observer);
        this.store = store;
        this.queue = queue;
    }

    /** Runs or queues the hook; {@code verdict} learns how it ended. */
    public RawResponse run(Registration hook, WebhookEvent event, byte[] payload, Verdict verdict) {
        Supplier<RawResponse> action = queue == null ? () -> runNow(hook, event, verdict)
                : () -> enqueue(hook, event, payload, verdict);
        String logId = event.logId();
        if (logId == null || logId.isBlank()) {
            return action.get();
        }
        verdict.outcome = ReceiverEvent.Outcome.DUPLICATE;
        return store.execute("webhook-post:" + logId.trim(), action, IdempotencyStore::successful);
    }

    private RawResponse runNow(Registration hook, WebhookEvent event, Verdict verdict) {
        TimeBudget.Outcome<Object> outcome = attempt.run(hook, event);
        if (outcome instanceof TimeBudget.Outcome.Completed<Object>) {
            verdict.outcome = ReceiverEvent.Outcome.ANSWERED;
            return ok();
        }
        if (outcome instanceof TimeBudget.Outcome.Failed<Object> failed) {
            if (failed.cause() instanceof OrderCloudException oc) {
                verdict.outcome = ReceiverEvent.Outcome.REFUSED;
                LOG.warn("post-webhook {} for {} refused: {} {}", hook.describe(), event, oc.errorCode(), oc.getMessage());
                return RawResponse.error(oc);
            }
            verdict.outcome = ReceiverEvent.Outcome.FAILED;
            return ReceiverErrors.internal(LOG, "post-webhook " + hook.describe() + " for " + event, failed.cause());
        }
        verdict.outcome = ReceiverEvent.Outcome.TIMED_OUT;
        return ReceiverErrors.internal(LOG, "post-webhook " + hook.describe() + " for " + event,
                new TimeoutException(PostAttempt.describe(outcome)));
    }

    private RawResponse enqueue(Registration hook, WebhookEvent event, byte[] payload, Verdict verdict) {
        verdict.outcome = ReceiverEvent.Outcome.QUEUE_FULL;
        if (queue.offer(event, payload)) {
            verdict.outcome = ReceiverEvent.Outcome.QUEUED;
            return ok();
        }
        if (!queue.isAccepting()) {
            return RawResponse.error(503, SHUTTING_DOWN, "The webhook receiver is shutting down; deliver again later")
                    .withHeader("Retry-After", "5");
        }
        LOG.warn("post-webhook queue full; refused {} with 503", event);
        return RawResponse.error(503, QUEUE_FULL, "The webhook queue is full (" + queue.pending()
                + " deliveries pending); deliver again later").withHeader("Retry-After", "5");
    }

    private static RawResponse ok() {
        return RawResponse.json(200, EMPTY_OBJECT);
    }
}
