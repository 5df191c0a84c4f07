package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One product in a product collection and its position ({@code ListOrder}, ascending). */
public record ProductCollectionEntry(
        @JsonProperty("ProductID") String productID,
        @JsonProperty("ListOrder") Integer listOrder) {
}
