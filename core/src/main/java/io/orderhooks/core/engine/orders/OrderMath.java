package io.orderhooks.core.engine.orders;

import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderPromotion;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Totals and staleness, in one place.
 *
 * <ul>
 *   <li>{@code LineSubtotal = UnitPrice x Quantity}; {@code PromotionDiscount} of a line = the sum of the
 *       line-level promotions on it; {@code LineTotal = LineSubtotal - PromotionDiscount}.
 *   <li>{@code Subtotal = sum(LineSubtotal)}; order {@code PromotionDiscount} = every promotion amount
 *       (order and line level); {@code Total = Subtotal + TaxCost + ShippingCost + Gratuity + Fees -
 *       PromotionDiscount}.
 *   <li>{@link #stale} forgets ship estimates and the calculation: any change that can move the total calls it.
 * </ul>
 */
public final class OrderMath {

    private OrderMath() {}

    /** Recomputes every line and order total from lines and promotions. */
    public static OrderState recompute(OrderState s) {
        List<LineItem> lines = s.lineItems().stream().map(l -> line(l, s.promotions())).toList();
        BigDecimal subtotal = lines.stream().map(LineItem::lineSubtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal discount = s.promotions().stream().map(p -> nz(p.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
        Order o = s.order();
        BigDecimal total = subtotal.add(nz(o.taxCost())).add(nz(o.shippingCost())).add(nz(o.gratuity()))
                .add(nz(o.fees())).subtract(discount);
        Order next = o.toBuilder().lineItemCount(lines.size()).subtotal(subtotal).promotionDiscount(discount)
                .taxCost(nz(o.taxCost())).shippingCost(nz(o.shippingCost())).gratuity(nz(o.gratuity()))
                .fees(nz(o.fees())).total(total).build();
        return s.withLineItems(lines).withOrder(next);
    }

    private static LineItem line(LineItem l, List<OrderPromotion> promotions) {
        BigDecimal unit = nz(l.unitPrice());
        BigDecimal sub = unit.multiply(BigDecimal.valueOf(l.quantity()));
        BigDecimal discount = promotions.stream().filter(p -> Objects.equals(p.lineItemID(), l.id()))
                .map(p -> nz(p.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
        return l.toBuilder().lineSubtotal(sub).promotionDiscount(discount).lineTotal(sub.subtract(discount)).build();
    }

    /**
     * Forgets ship estimates and the calculation, and the costs they set (shipping, tax, fees), then
     * recomputes totals. Called after any change that can move the total.
     */
    public static OrderState stale(OrderState s) {
        Order o = s.order().toBuilder().shippingCost(BigDecimal.ZERO).taxCost(BigDecimal.ZERO).fees(BigDecimal.ZERO).build();
        List<OrderPromotion> promos = s.promotions().stream()
                .map(p -> Boolean.TRUE.equals(p.amountOverridden()) ? p.toBuilder().amountOverridden(false).build() : p)
                .toList();
        return recompute(s.withOrder(o).withShipEstimateResponse(null).withCalculateResponse(null).withPromotions(promos));
    }

    public static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
