package io.orderhooks.events.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderWorksheet;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The whole order a plugin works for, so order-level rules ("free shipping over $150", "no tax for an
 * exempt buyer") need no wrapper handler: the worksheet, its subtotal, the order's destination and the
 * integration event's {@code ConfigData}. {@link ShippingPackage#order()} and {@link TaxRequest#order()}
 * hand it out. Immutable.
 *
 * @param worksheet the order and every line (not only one package's)
 * @param configData the integration event's {@code ConfigData}; a {@code NullNode} when absent
 */
public record OrderContext(OrderWorksheet worksheet, JsonNode configData) {

    public OrderContext {
        Objects.requireNonNull(worksheet, "worksheet");
        configData = configData == null ? NullNode.getInstance() : configData;
    }

    /** The order; never null (an empty order when the worksheet carries none). */
    public Order order() {
        return worksheet.order() == null ? Order.builder().build() : worksheet.order();
    }

    /** Every line of the order; empty, never null. */
    public List<LineItem> lineItems() {
        return worksheet.lineItems() == null ? List.of() : worksheet.lineItems();
    }

    /**
     * The order's {@code Subtotal} (before shipping, tax and discounts); when the order carries none, the sum
     * of the lines' {@code LineSubtotal} (else {@code UnitPrice x Quantity}).
     */
    public BigDecimal subtotal() {
        if (worksheet.order() != null && worksheet.order().subtotal() != null) {
            return worksheet.order().subtotal();
        }
        return lineItems().stream().map(OrderContext::lineSubtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal lineSubtotal(LineItem line) {
        if (line.lineSubtotal() != null) {
            return line.lineSubtotal();
        }
        return line.unitPrice() == null ? BigDecimal.ZERO : line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
    }

    /** The order's currency (e.g. {@code USD}), or null if not sent. */
    public String currency() {
        return worksheet.order() == null ? null : worksheet.order().currency();
    }

    /**
     * Where the order ships: the {@code ShippingAddress} of the first line that has one, or null. An order
     * shipping to several addresses has one per line; {@link ShippingPackage#shipTo()} is a package's own.
     */
    public Address shipTo() {
        return lineItems().stream().map(LineItem::shippingAddress).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The distinct {@code ShipFromAddress}es of the lines, in line order (empty when none is set). */
    public List<Address> shipFromAddresses() {
        return lineItems().stream().map(LineItem::shipFromAddress).filter(Objects::nonNull).distinct().toList();
    }
}
