package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.OffsetDateTime;

/**
 * An entry as a {@code ProductCollectionReader} sees it ({@code GET v1/buyers/{buyerID}/productcollections/{id}/products}):
 * the product's own fields, plus the entry's {@code ListOrder} and {@code DateAdded}. Serialization only.
 */
public record ProductCollectionProduct(
        @JsonProperty("ListOrder") Integer listOrder,
        @JsonProperty("DateAdded") OffsetDateTime dateAdded,
        @JsonUnwrapped Product product) {
}
