package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A line item (and how many of it) covered by a ship estimate.
 */
public record ShipEstimateItem(
        @JsonProperty("LineItemID") String lineItemID,
        @JsonProperty("Quantity") Integer quantity) {
}
