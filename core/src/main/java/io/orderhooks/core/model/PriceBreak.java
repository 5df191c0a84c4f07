package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * The unit price from a quantity on; {@code SalePrice} applies inside the schedule's sale window.
 */
public record PriceBreak(
        @JsonProperty("Quantity") Integer quantity,
        @JsonProperty("Price") BigDecimal price,
        @JsonProperty("SalePrice") BigDecimal salePrice) {
}
