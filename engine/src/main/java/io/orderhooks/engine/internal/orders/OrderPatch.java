package io.orderhooks.engine.internal.orders;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * The writable fields of an order; a null field is left unchanged. {@code ShippingCost} and {@code TaxCost}
 * need the {@code OverrideShipping} / {@code OverrideTax} role.
 *
 * @param clearComments with {@code comments} null: set the order's {@code Comments} to null (PUT without
 *     {@code Comments}, PATCH with {@code "Comments": null})
 */
public record OrderPatch(
        String comments,
        JsonNode xp,
        String billingAddressID,
        String shippingAddressID,
        BigDecimal shippingCost,
        BigDecimal taxCost,
        BigDecimal gratuity,
        boolean clearComments) {

    /** The fields to set; {@code Comments} is left unchanged when null. */
    public OrderPatch(String comments, JsonNode xp, String billingAddressID, String shippingAddressID,
            BigDecimal shippingCost, BigDecimal taxCost, BigDecimal gratuity) {
        this(comments, xp, billingAddressID, shippingAddressID, shippingCost, taxCost, gratuity, false);
    }

    public static OrderPatch xp(JsonNode xp) {
        return new OrderPatch(null, xp, null, null, null, null, null);
    }

    public static OrderPatch comments(String comments) {
        return new OrderPatch(comments, null, null, null, null, null, null);
    }
}
