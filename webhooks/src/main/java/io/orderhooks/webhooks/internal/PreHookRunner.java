package io.orderhooks.webhooks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.http.Answer;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.ApiError;
import io.orderhooks.core.model.PreWebhookResponse;
import io.orderhooks.core.receiver.TimeBudget;
import io.orderhooks.core.observe.Observer;
import io.orderhooks.core.observe.ReceiverEvent;
import io.orderhooks.webhooks.FailurePolicy;
import io.orderhooks.webhooks.PreHookPolicy;
import io.orderhooks.webhooks.WebhookEvent;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a pre-webhook under its time limit and turns the outcome into the HTTP 200 reply
 * {@code {"proceed":..., "body":...}}. A throw, a null result or a time-out is logged with a correlation id
 * and answered by the hook's {@link FailurePolicy}: blocked with an error body naming that id, or proceeded.
 */
public final class PreHookRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PreHookRunner.class);

    /** ErrorCode in the block body when the handler threw or returned null. */
    public static final String HANDLER_FAILED = "Webhook.HandlerFailed";
    /** ErrorCode in the block body when the handler overran its time limit. */
    public static final String HANDLER_TIMED_OUT = "Webhook.HandlerTimedOut";

    private final TimeBudget budget;
    private final Observer observer;

    public PreHookRunner(TimeBudget budget, Observer observer) {
        this.budget = budget;
        this.observer = observer;
    }

    /** Runs the hook on a pool thread, waiting at most its limit; {@code verdict} learns how it ended. */
    public RawResponse run(Registration hook, WebhookEvent event, Verdict verdict) {
        TimeBudget.Outcome<PreWebhookResponse> outcome = PostAttempt.observed(observer, hook,
                () -> budget.run(() -> hook.pre().before(event), hook.prePolicy().timeLimit()));
        return conclude(hook, event, outcome, verdict);
    }

    /**
     * Runs the hook on this thread. If it overruns its limit, the timer interrupts it and sends the policy's answer
     * (blocked or proceeded) to {@code early} at the limit; this returns that answer once the hook has ended.
     */
    public RawResponse run(Registration hook, WebhookEvent event, Verdict verdict, Answer early) {
        TimeBudget.Inline<PreWebhookResponse, RawResponse> inline = PostAttempt.observed(observer, hook,
                () -> budget.runHere(() -> hook.pre().before(event), hook.prePolicy().timeLimit(), limit -> {
                    RawResponse late = conclude(hook, event, new TimeBudget.Outcome.TimedOut<>(limit), verdict);
                    early.send(late);
                    return late;
                }));
        if (inline instanceof TimeBudget.Inline.Finished<PreWebhookResponse, RawResponse> finished) {
            return conclude(hook, event, finished.outcome(), verdict);
        }
        return ((TimeBudget.Inline.Expired<PreWebhookResponse, RawResponse>) inline).answer();
    }

    private static RawResponse conclude(Registration hook, WebhookEvent event,
            TimeBudget.Outcome<PreWebhookResponse> outcome, Verdict verdict) {
        PreHookPolicy policy = hook.prePolicy();
        boolean proceed = policy.onFailure() == FailurePolicy.PROCEED;
        if (outcome instanceof TimeBudget.Outcome.Completed<PreWebhookResponse> done) {
            if (done.value() != null) {
                verdict.outcome = ReceiverEvent.Outcome.ANSWERED;
                return reply(done.value());
            }
            verdict.outcome = proceed ? ReceiverEvent.Outcome.FALLBACK_USED : ReceiverEvent.Outcome.INVALID_ANSWER;
            return failed(hook, event, policy, HANDLER_FAILED, "The pre-webhook handler returned no answer", null);
        }
        if (outcome instanceof TimeBudget.Outcome.TimedOut<PreWebhookResponse> late) {
            verdict.outcome = proceed ? ReceiverEvent.Outcome.FALLBACK_USED : ReceiverEvent.Outcome.TIMED_OUT;
            return failed(hook, event, policy, HANDLER_TIMED_OUT,
                    "The pre-webhook handler did not answer within " + late.limit().toMillis() + " ms", null);
        }
        Throwable cause = ((TimeBudget.Outcome.Failed<PreWebhookResponse>) outcome).cause();
        verdict.outcome = proceed ? ReceiverEvent.Outcome.FALLBACK_USED
                : cause instanceof OrderCloudException ? ReceiverEvent.Outcome.REFUSED : ReceiverEvent.Outcome.FAILED;
        return failed(hook, event, policy, HANDLER_FAILED, "The pre-webhook handler failed", cause);
    }

    private static RawResponse failed(Registration hook, WebhookEvent event, PreHookPolicy policy, String code,
            String message, Throwable cause) {
        String correlationId = UUID.randomUUID().toString();
        boolean proceed = policy.onFailure() == FailurePolicy.PROCEED;
        LOG.warn("{} for {} ({}): {} [correlationId={}]", message, hook.describe(), event,
                proceed ? "proceeding as configured" : "blocking", correlationId, cause);
        if (proceed) {
            return reply(PreWebhookResponse.proceed()).withHeader("X-Correlation-ID", correlationId);
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("CorrelationID", correlationId);
        ApiError error = cause instanceof OrderCloudException oc
                ? new ApiError(oc.errorCode(), oc.getMessage(), merge(oc.data(), data))
                : new ApiError(code, message + "; quote correlation id " + correlationId, data);
        JsonNode body = OrderCloudJson.mapper().valueToTree(error);
        return reply(PreWebhookResponse.block(body)).withHeader("X-Correlation-ID", correlationId);
    }

    private static JsonNode merge(JsonNode handlerData, ObjectNode data) {
        if (handlerData instanceof ObjectNode object) {
            ObjectNode copy = object.deepCopy();
            copy.setAll(data);
            return copy;
        }
        if (handlerData != null && !handlerData.isNull()) {
            data.set("Detail", handlerData);
        }
        return data;
    }

    private static RawResponse reply(PreWebhookResponse response) {
        return RawResponse.json(200, response);
    }
}
