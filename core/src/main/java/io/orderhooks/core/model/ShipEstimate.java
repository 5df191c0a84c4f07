package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A group of line items shipped together, with the methods the buyer may choose from.
 */
public record ShipEstimate(
        @JsonProperty("ID") String id,
        @JsonProperty("xp") JsonNode xp,
        @JsonProperty("SelectedShipMethodID") String selectedShipMethodID,
        @JsonProperty("ShipEstimateItems") List<ShipEstimateItem> shipEstimateItems,
        @JsonProperty("ShipMethods") List<ShipMethod> shipMethods) {
}
