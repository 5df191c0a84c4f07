package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body OrderCloud POSTs to every checkout integration event suffix. {@code OrderReturn} is present only in
 * the body of {@code /calculateorderreturn} (left out of the JSON elsewhere).
 */
public record CheckoutPayload(
        @JsonProperty("ConfigData") JsonNode configData,
        @JsonProperty("Environment") String environment,
        @JsonProperty("OrderCloudAccessToken") String orderCloudAccessToken,
        @JsonProperty("OrderWorksheet") OrderWorksheet orderWorksheet,
        @JsonProperty("OrderReturn") @JsonInclude(JsonInclude.Include.NON_NULL) OrderReturn orderReturn) {

    /** The body of a checkout event (no return). */
    public CheckoutPayload(JsonNode configData, String environment, String orderCloudAccessToken, OrderWorksheet orderWorksheet) {
        this(configData, environment, orderCloudAccessToken, orderWorksheet, null);
    }
}
