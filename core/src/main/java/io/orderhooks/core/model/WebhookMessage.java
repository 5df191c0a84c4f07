package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code Request} or {@code Response} part of a webhook payload. {@code Headers} is null on the current platform.
 */
public record WebhookMessage(
        @JsonProperty("Body") JsonNode body,
        @JsonProperty("Headers") JsonNode headers) {
}
