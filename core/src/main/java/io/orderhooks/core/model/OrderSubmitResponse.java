package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to {@code /ordersubmit}. A middleware usually returns only {@code xp}.
 */
public record OrderSubmitResponse(
        @JsonProperty("HttpStatusCode") Integer httpStatusCode,
        @JsonProperty("UnhandledErrorBody") String unhandledErrorBody,
        @JsonProperty("xp") JsonNode xp,
        @JsonProperty("Succeeded") Boolean succeeded) implements CheckoutResponse {
}
