package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A marketplace-wide product facet: product lists count their products by the value found at {@code XpPath} in
 * each product's {@code xp} ({@code Meta.Facets}). {@code ListOrder} orders the facets, {@code MinCount} hides values
 * found on fewer products.
 */
public record ProductFacet(
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("XpPath") String xpPath,
        @JsonProperty("ListOrder") Integer listOrder,
        @JsonProperty("MinCount") Integer minCount,
        @JsonProperty("xp") JsonNode xp) {

    /** OrderCloud's plain int fields default to 0 on the wire, never null. */
    public ProductFacet {
        listOrder = WireDefaults.zero(listOrder);
        minCount = WireDefaults.zero(minCount);
    }
}
