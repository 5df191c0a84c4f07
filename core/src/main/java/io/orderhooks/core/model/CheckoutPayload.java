package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body OrderCloud POSTs to every checkout integration event suffix.
 */
public record CheckoutPayload(
        @JsonProperty("ConfigData") JsonNode configData,
        @JsonProperty("Environment") String environment,
        @JsonProperty("OrderCloudAccessToken") String orderCloudAccessToken,
        @JsonProperty("OrderWorksheet") OrderWorksheet orderWorksheet) {
}
