package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Makes a catalog visible to a buyer.
 */
public record CatalogAssignment(
        @JsonProperty("CatalogID") String catalogID,
        @JsonProperty("BuyerID") String buyerID,
        @JsonProperty("ViewAllCategories") Boolean viewAllCategories,
        @JsonProperty("ViewAllProducts") Boolean viewAllProducts) {
}
