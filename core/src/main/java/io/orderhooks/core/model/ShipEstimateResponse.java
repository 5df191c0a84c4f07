package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The answer to {@code /shippingrates}. {@code HttpStatusCode}, {@code UnhandledErrorBody} and {@code Succeeded} are filled by the platform when it stores the answer in the worksheet.
 */
public record ShipEstimateResponse(
        @JsonProperty("ShipEstimates") List<ShipEstimate> shipEstimates,
        @JsonProperty("HttpStatusCode") Integer httpStatusCode,
        @JsonProperty("UnhandledErrorBody") String unhandledErrorBody,
        @JsonProperty("xp") JsonNode xp,
        @JsonProperty("Succeeded") Boolean succeeded) implements CheckoutResponse {
}
