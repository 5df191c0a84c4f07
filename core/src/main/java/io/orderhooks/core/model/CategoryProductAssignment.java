package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Places a product in a category. */
public record CategoryProductAssignment(
        @JsonProperty("CategoryID") String categoryID,
        @JsonProperty("ProductID") String productID,
        @JsonProperty("ListOrder") Integer listOrder) {
}
