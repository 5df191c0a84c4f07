package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The buyer's choice of method for one ship estimate.
 */
public record ShipMethodSelection(
        @JsonProperty("ShipEstimateID") String shipEstimateID,
        @JsonProperty("ShipMethodID") String shipMethodID) {
}
