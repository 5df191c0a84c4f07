package io.orderhooks.events.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.LineItemProduct;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.ShipEstimateResponse;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Realistic order worksheets in a few lines, for tests:
 * {@code Worksheets.order("o1").line("SHIRT", 2, "12.00").line("MUG", 1, "8.50").build()}. Lines get IDs
 * {@code line1}, {@code line2}, ...; line and order totals are computed as OrderCloud does
 * ({@code LineSubtotal = UnitPrice x Quantity}, {@code Subtotal} the sum, {@code Total} with shipping and tax
 * zero). Every line ships to one realistic US address unless changed. Not thread-safe.
 */
public final class Worksheets {

    /** The default destination of every line. */
    public static final Address DEFAULT_SHIP_TO = Address.builder().id("addr-home").firstName("Ada").lastName("Buyer")
            .street1("110 N 5th St").city("Minneapolis").state("MN").zip("55403").country("US").build();

    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-01-15T10:00:00+00:00");

    private final String orderID;
    private final List<LineItem> lines = new ArrayList<>();
    private String currency = "USD";
    private String userID = "buyer-user-1";
    private String buyerID = "buyer-1";
    private Address shipTo = DEFAULT_SHIP_TO;
    private ShipEstimateResponse shipEstimates;

    private Worksheets(String orderID) {
        this.orderID = orderID;
    }

    /** A worksheet builder for an unsubmitted order with ID {@code orderID}. */
    public static Worksheets order(String orderID) {
        if (orderID == null || orderID.isBlank()) {
            throw new IllegalArgumentException("orderID must not be blank");
        }
        return new Worksheets(orderID);
    }

    public Worksheets currency(String currency) {
        this.currency = Objects.requireNonNull(currency, "currency");
        return this;
    }

    public Worksheets buyer(String buyerID, String userID) {
        this.buyerID = Objects.requireNonNull(buyerID, "buyerID");
        this.userID = Objects.requireNonNull(userID, "userID");
        return this;
    }

    /** The destination of lines added after this call. */
    public Worksheets shipTo(Address address) {
        this.shipTo = Objects.requireNonNull(address, "address");
        return this;
    }

    /** A line of {@code quantity} x {@code productID} at {@code unitPrice} (a decimal string, e.g. "12.00"). */
    public Worksheets line(String productID, int quantity, String unitPrice) {
        return line(productID, quantity, unitPrice, UnaryOperator.identity());
    }

    /**
     * A line of a supplier's product with its ship weight and {@code xp}, in one call:
     * {@code .line("TENT", 1, "180.00", "sup-outdoor", "6.5", mapper.readTree("{\"Hazmat\":false}"))}.
     *
     * @param supplierID the line's {@code SupplierID}; null for a marketplace-owned product
     * @param shipWeight the product's {@code ShipWeight} as a decimal string (e.g. "2.5"); null for none
     * @param productXp the product's {@code xp} (copied); null for {@code {}}
     */
    public Worksheets line(String productID, int quantity, String unitPrice, String supplierID, String shipWeight,
            JsonNode productXp) {
        BigDecimal weight = shipWeight == null ? null : new BigDecimal(shipWeight);
        JsonNode xp = productXp == null ? JsonNodeFactory.instance.objectNode() : productXp.deepCopy();
        return line(productID, quantity, unitPrice, l -> {
            LineItemProduct product = defaultProduct(productID).toBuilder().shipWeight(weight).xp(xp).build();
            return l.supplierID(supplierID).product(product);
        });
    }

    /**
     * A line, changed by {@code customize} after the defaults are set (e.g. {@code l -> l.supplierID("s1")}).
     * Totals are computed from the customized unit price, quantity and promotion discount.
     */
    public Worksheets line(String productID, int quantity, String unitPrice, UnaryOperator<LineItem.Builder> customize) {
        Objects.requireNonNull(productID, "productID");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
        }
        BigDecimal price = new BigDecimal(Objects.requireNonNull(unitPrice, "unitPrice"));
        LineItemProduct product = defaultProduct(productID);
        LineItem.Builder builder = LineItem.builder().id("line" + (lines.size() + 1)).productID(productID)
                .quantity(quantity).unitPrice(price).promotionDiscount(BigDecimal.ZERO).dateAdded(CREATED)
                .shippingAddressID(shipTo.id()).shippingAddress(shipTo).product(product)
                .isOnSale(false).priceOverridden(false).specs(List.of()).xp(JsonNodeFactory.instance.objectNode());
        LineItem line = customize.apply(builder).build();
        BigDecimal subtotal = line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
        BigDecimal discount = line.promotionDiscount() == null ? BigDecimal.ZERO : line.promotionDiscount();
        lines.add(line.toBuilder().lineSubtotal(subtotal).lineTotal(subtotal.subtract(discount)).build());
        return this;
    }

    private static LineItemProduct defaultProduct(String productID) {
        return LineItemProduct.builder().id(productID).name(productID).shipWeight(BigDecimal.ONE).quantityMultiplier(1)
                .returnable(true).build();
    }

    /** Ship estimates already stored on the worksheet (e.g. with selected methods, for calculate). */
    public Worksheets shipEstimates(ShipEstimateResponse response) {
        this.shipEstimates = response;
        return this;
    }

    public OrderWorksheet build() {
        BigDecimal subtotal = lines.stream().map(LineItem::lineSubtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal discount = lines.stream().map(LineItem::promotionDiscount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Order order = Order.builder().id(orderID).fromUserID(userID).fromCompanyID(buyerID).toCompanyID("seller")
                .shippingAddressID(shipTo.id()).lineItemCount(lines.size()).status(OrderStatus.Unsubmitted)
                .dateCreated(CREATED).lastUpdated(CREATED).subtotal(subtotal).shippingCost(BigDecimal.ZERO)
                .taxCost(BigDecimal.ZERO).gratuity(BigDecimal.ZERO).fees(BigDecimal.ZERO).promotionDiscount(discount)
                .currency(currency).total(subtotal.subtract(discount)).isSubmitted(false)
                .xp(JsonNodeFactory.instance.objectNode()).build();
        return OrderWorksheet.builder().order(order).lineItems(List.copyOf(lines)).orderPromotions(List.of())
                .shipEstimateResponse(shipEstimates).build();
    }
}
