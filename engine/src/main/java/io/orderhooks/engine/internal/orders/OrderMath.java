package io.orderhooks.engine.internal.orders;

import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderPromotion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 *   <li>{@link #staleAfterLineChange} is the same result for one changed line, in constant time besides
 *       copying the line list, when the order has no promotions.
 * </ul>
 */
public final class OrderMath {

    private OrderMath() {}

    /** Recomputes every line and order total from lines and promotions: O(lines + promotions). */
    public static OrderState recompute(OrderState s) {
        Map<String, BigDecimal> discounts = lineDiscounts(s.promotions());
        List<LineItem> lines = new ArrayList<>(s.lineItems().size());
        BigDecimal subtotal = BigDecimal.ZERO;
        for (LineItem l : s.lineItems()) {
            LineItem priced = line(l, discounts);
            lines.add(priced);
            subtotal = subtotal.add(priced.lineSubtotal());
        }
        return totals(s.withLineItems(lines), subtotal);
    }

    /**
     * Exactly {@code stale(recompute(s.withLineItems(lines)))} when line {@code index} of {@code lines} is the only one
     * that differs from {@code s}'s lines (it replaced {@code before}, or was added at the end when {@code before} is
     * null) and {@code s}'s totals are as {@link #recompute} left them; computed from {@code s}'s {@code Subtotal}
     * without visiting the other lines. Empty when that cannot be promised cheaply: the order has promotions (their
     * amounts may depend on every line), {@code before}'s amounts are not current, or removing {@code before}'s
     * {@code LineSubtotal} could change the scale of the sum. Callers then take the full path.
     */
    public static Optional<OrderState> staleAfterLineChange(OrderState s, List<LineItem> lines, int index, LineItem before) {
        Order o = s.order();
        if (!s.promotions().isEmpty() || o.subtotal() == null || (before != null && line(before, Map.of()) != before)) {
            return Optional.empty();
        }
        LineItem after = line(lines.get(index), Map.of());
        BigDecimal subtotal = o.subtotal();
        if (before != null) {
            // BigDecimal sums are exact; only the scale (max of the terms) could differ from a full sum
            if (before.lineSubtotal().scale() > after.lineSubtotal().scale()) {
                return Optional.empty();
            }
            subtotal = subtotal.subtract(before.lineSubtotal());
        }
        subtotal = subtotal.add(after.lineSubtotal());
        List<LineItem> next = lines;
        if (after != lines.get(index)) {
            next = new ArrayList<>(lines);
            next.set(index, after);
        }
        return Optional.of(totals(cleared(s).withLineItems(next), subtotal));
    }

    /**
     * The line with its derived amounts for an order without line-level promotions ({@code PromotionDiscount} 0). A
     * later {@link #recompute} replaces them when promotions do apply, so it is always safe to call.
     */
    static LineItem withAmounts(LineItem l) {
        return line(l, Map.of());
    }

    /** Line-level promotion amounts by line ID, each summed from zero in promotion order. */
    private static Map<String, BigDecimal> lineDiscounts(List<OrderPromotion> promotions) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (OrderPromotion p : promotions) {
            if (p.lineItemID() != null) {
                out.put(p.lineItemID(), out.getOrDefault(p.lineItemID(), BigDecimal.ZERO).add(nz(p.amount())));
            }
        }
        return out;
    }

    /** The order totals of {@code s} given the sum of its lines' subtotals. */
    private static OrderState totals(OrderState s, BigDecimal subtotal) {
        BigDecimal discount = BigDecimal.ZERO;
        for (OrderPromotion p : s.promotions()) {
            discount = discount.add(nz(p.amount()));
        }
        Order o = s.order();
        BigDecimal total = subtotal.add(nz(o.taxCost())).add(nz(o.shippingCost())).add(nz(o.gratuity()))
                .add(nz(o.fees())).subtract(discount);
        Order next = o.toBuilder().lineItemCount(s.lineItems().size()).subtotal(subtotal).promotionDiscount(discount)
                .taxCost(nz(o.taxCost())).shippingCost(nz(o.shippingCost())).gratuity(nz(o.gratuity()))
                .fees(nz(o.fees())).total(total).build();
        return s.withOrder(next);
    }

    /** The line with its derived amounts; the same instance when they are already current. */
    private static LineItem line(LineItem l, Map<String, BigDecimal> discounts) {
        BigDecimal sub = nz(l.unitPrice()).multiply(BigDecimal.valueOf(l.quantity()));
        BigDecimal discount = discounts.getOrDefault(l.id(), BigDecimal.ZERO);
        BigDecimal total = sub.subtract(discount);
        if (sub.equals(l.lineSubtotal()) && discount.equals(l.promotionDiscount()) && total.equals(l.lineTotal())) {
            return l;
        }
        return l.toBuilder().lineSubtotal(sub).promotionDiscount(discount).lineTotal(total).build();
    }

    /**
     * Forgets ship estimates and the calculation, and the costs they set (shipping, tax, fees), then
     * recomputes totals. Called after any change that can move the total.
     */
    public static OrderState stale(OrderState s) {
        return recompute(cleared(s));
    }

    private static OrderState cleared(OrderState s) {
        Order o = s.order().toBuilder().shippingCost(BigDecimal.ZERO).taxCost(BigDecimal.ZERO).fees(BigDecimal.ZERO).build();
        List<OrderPromotion> promos = s.promotions().stream()
                .map(p -> Boolean.TRUE.equals(p.amountOverridden()) ? p.toBuilder().amountOverridden(false).build() : p)
                .toList();
        return s.withOrder(o).withShipEstimateResponse(null).withCalculateResponse(null).withPromotions(promos);
    }

    public static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
