package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A pre-webhook's reply, serialized lower-case as {@code {"proceed":..., "body":...}}. With
 * {@code proceed=false} the platform refuses the original request and relays {@code body} to its caller.
 */
public record PreWebhookResponse(@JsonProperty("proceed") boolean shouldProceed, @JsonProperty("body") JsonNode body) {

    /** Let the request go ahead. */
    public static PreWebhookResponse proceed() {
        return new PreWebhookResponse(true, null);
    }

    /** Refuse the request; {@code body} reaches the caller. */
    public static PreWebhookResponse block(JsonNode body) {
        return new PreWebhookResponse(false, body);
    }

    /** Refuse the request with a plain message for the caller. */
    public static PreWebhookResponse block(String message) {
        return new PreWebhookResponse(false, TextNode.valueOf(message));
    }
}
