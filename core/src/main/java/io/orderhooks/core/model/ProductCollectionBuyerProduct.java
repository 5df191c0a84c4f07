package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.OffsetDateTime;

/**
 * An entry as a shopper sees it ({@code GET v1/me/productcollections/{id}/products}): the product's own fields,
 * the entry's {@code ListOrder} and {@code DateAdded}, and the {@code PriceSchedule} that applies to the caller
 * (null when none). Serialization only.
 */
public record ProductCollectionBuyerProduct(
        @JsonProperty("ListOrder") Integer listOrder,
        @JsonProperty("DateAdded") OffsetDateTime dateAdded,
        @JsonProperty("PriceSchedule") PriceSchedule priceSchedule,
        @JsonUnwrapped Product product) {
}
