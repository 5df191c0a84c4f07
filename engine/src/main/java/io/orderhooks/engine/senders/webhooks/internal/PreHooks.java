package io.orderhooks.engine.senders.webhooks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.PreHookDecision;
import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.engine.delivery.Attempt;
import io.orderhooks.engine.delivery.Deliverer;
import io.orderhooks.engine.delivery.Sent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Pre-webhooks: one synchronous attempt within the time limit, then the reply {@code {"proceed":bool,
 * "body":any}}. A failed delivery or an unusable reply (not JSON, no boolean {@code proceed}) is decided by
 * the hook's failure policy: proceed when {@code proceedOnFailure}, otherwise block with a text body
 * describing the failure.
 */
public final class PreHooks {

    private final Deliverer deliverer;
    private final WebhookAttempts attempts;
    private final Duration timeLimit;

    public PreHooks(Deliverer deliverer, WebhookAttempts attempts, Duration timeLimit) {
        this.deliverer = deliverer;
        this.attempts = attempts;
        this.timeLimit = timeLimit;
    }

    public PreHookDecision before(WebhookEndpoint hook, byte[] payload) {
        Attempt attempt = attempts.first(DeliveryRecord.Kind.PRE_WEBHOOK, hook, payload)
                .withReplyCheck(PreHooks::problem);
        Sent sent = deliverer.send(attempt, timeLimit);
        if (sent.succeeded()) {
            JsonNode reply = parse(((DeliveryOutcome.Delivered) sent.outcome()).body());
            JsonNode body = reply.get("body");
            return new PreHookDecision(reply.get("proceed").booleanValue(),
                    body == null || body.isNull() ? null : body, sent.outcome());
        }
        if (hook.proceedOnFailure()) {
            return new PreHookDecision(true, null, sent.outcome());
        }
        return new PreHookDecision(false, TextNode.valueOf("Pre-webhook " + hook.id() + " failed ("
                + sent.record().error() + "); the request was blocked by the webhook's failure policy"),
                sent.outcome());
    }

    /** Why a 2xx reply is not a usable pre-webhook answer, or empty (also run by {@code orderhooks trigger}). */
    public static Optional<String> problem(byte[] body) {
        try {
            JsonNode reply = parse(body);
            if (!reply.isObject() || !reply.path("proceed").isBoolean()) {
                return Optional.of("pre-webhook reply has no boolean \"proceed\": "
                        + abbreviate(new String(body, StandardCharsets.UTF_8)));
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("malformed pre-webhook reply: " + e.getMessage());
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode tree = OrderCloudJson.mapper().readTree(body);
            if (tree == null) {
                throw new IllegalArgumentException("empty body");
            }
            return tree;
        } catch (IOException e) {
            throw new IllegalArgumentException(e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? j.getOriginalMessage() : e.getMessage(), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
