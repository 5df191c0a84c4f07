package io.orderhooks.engine.senders.webhooks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.engine.delivery.Attempt;
import io.orderhooks.engine.delivery.OutboundRequest;
import java.io.IOException;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** Builds signed webhook attempts; the subject and order ID are read from the payload for the log. */
public final class WebhookAttempts {

    private final UnaryOperator<String> pathOf;

    /** @param pathOf the path an in-process dispatcher sees for a hook URL */
    public WebhookAttempts(UnaryOperator<String> pathOf) {
        this.pathOf = Objects.requireNonNull(pathOf, "pathOf");
    }

    public Attempt first(DeliveryRecord.Kind kind, WebhookEndpoint hook, byte[] payload) {
        OutboundRequest request = OutboundRequest.signed(hook.url(), pathOf.apply(hook.url()), payload,
                hook.hashKey(), hook.customAuthHeaderName(), hook.customAuthHeaderValue(), null);
        Summary s = summary(payload);
        return Attempt.first(kind, s.subject(), hook.id(), s.orderID(), request);
    }

    record Summary(String subject, String orderID) {}

    /** {@code VERB route} and the route's {@code orderID} parameter, tolerating any payload. */
    static Summary summary(byte[] payload) {
        try {
            JsonNode tree = OrderCloudJson.mapper().readTree(payload);
            if (tree == null || !tree.isObject()) {
                return new Summary("unknown", null);
            }
            String verb = tree.path("Verb").asText("");
            String route = tree.path("Route").asText("");
            String subject = (verb + " " + route).trim();
            JsonNode orderID = tree.path("RouteParams").path("orderID");
            return new Summary(subject.isEmpty() ? "unknown" : subject, orderID.isTextual() ? orderID.asText() : null);
        } catch (IOException e) {
            return new Summary("unknown", null);
        }
    }
}
