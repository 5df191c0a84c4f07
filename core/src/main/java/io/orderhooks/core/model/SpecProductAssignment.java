package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Makes a spec apply to a product.
 */
public record SpecProductAssignment(
        @JsonProperty("SpecID") String specID,
        @JsonProperty("ProductID") String productID,
        @JsonProperty("DefaultValue") String defaultValue,
        @JsonProperty("DefaultOptionID") String defaultOptionID) {
}
