package io.orderhooks.events.plugin;

import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.LineItem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Line items that ship together (same origin and destination), to be rated by a
 * {@link ShippingRateProvider}. Immutable.
 *
 * @param id becomes the ship estimate's ID
 * @param shipFrom the lines' {@code ShipFromAddress}, or null
 * @param shipTo the lines' {@code ShippingAddress}, or null
 * @param supplierID the lines' {@code SupplierID}, or null
 * @param order the whole order this package belongs to (subtotal, every line, {@code ConfigData}), for
 *     order-level rules such as free shipping over an amount
 */
public record ShippingPackage(String id, List<LineItem> lineItems, Address shipFrom, Address shipTo, String supplierID,
        OrderContext order) {

    public ShippingPackage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(order, "order");
        lineItems = List.copyOf(lineItems);
        if (lineItems.isEmpty()) {
            throw new IllegalArgumentException("a package needs at least one line item");
        }
    }

    /** Sum of the lines' quantities. */
    public int totalQuantity() {
        return lineItems.stream().mapToInt(LineItem::quantity).sum();
    }

    /** Sum of {@code Product.ShipWeight x Quantity}; a line without a weight counts as zero. */
    public BigDecimal totalWeight() {
        return lineItems.stream()
                .filter(line -> line.product() != null && line.product().shipWeight() != null)
                .map(line -> line.product().shipWeight().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
