package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Puts a product into a catalog.
 */
public record ProductCatalogAssignment(
        @JsonProperty("CatalogID") String catalogID,
        @JsonProperty("ProductID") String productID) {
}
