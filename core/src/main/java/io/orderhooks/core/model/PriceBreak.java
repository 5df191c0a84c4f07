package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * The unit price from a quantity on; {@code SalePrice} applies inside the schedule's sale window.
 * {@code SubscriptionPrice} and {@code BundlePrice} are stored and echoed (the engine prices neither).
 */
public record PriceBreak(
        @JsonProperty("Quantity") Integer quantity,
        @JsonProperty("Price") BigDecimal price,
        @JsonProperty("SalePrice") BigDecimal salePrice,
        @JsonProperty("SubscriptionPrice") BigDecimal subscriptionPrice,
        @JsonProperty("BundlePrice") BigDecimal bundlePrice) {

    /** A break without subscription or bundle prices. */
    public PriceBreak(Integer quantity, BigDecimal price, BigDecimal salePrice) {
        this(quantity, price, salePrice, null, null);
    }
}
