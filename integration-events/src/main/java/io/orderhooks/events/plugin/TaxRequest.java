package io.orderhooks.events.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.model.OrderWorksheet;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a {@link TaxCalculator} taxes.
 *
 * @param worksheet the order and its lines
 * @param shippingTotal the sum of the selected ship methods' costs in the worksheet (zero if none selected)
 * @param configData the integration event's {@code ConfigData}, as free JSON
 */
public record TaxRequest(OrderWorksheet worksheet, BigDecimal shippingTotal, JsonNode configData) {

    public TaxRequest {
        Objects.requireNonNull(worksheet, "worksheet");
        Objects.requireNonNull(shippingTotal, "shippingTotal");
    }

    /** The order-level view of the worksheet and {@code ConfigData}: subtotal, destination, every line. */
    public OrderContext order() {
        return new OrderContext(worksheet, configData);
    }
}
