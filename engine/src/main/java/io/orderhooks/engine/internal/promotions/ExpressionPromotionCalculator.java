package io.orderhooks.engine.internal.promotions;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.expr.CategoryLookup;
import io.orderhooks.engine.internal.expr.EvaluationContext;
import io.orderhooks.engine.internal.expr.Expression;
import io.orderhooks.engine.internal.expr.ExpressionKind;
import io.orderhooks.engine.internal.promotions.internal.LineSelection;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.Promotion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's default {@link PromotionCalculator}: OrderCloud's expression language
 * ({@link io.orderhooks.engine.internal.expr}).
 *
 * <ul>
 *   <li><b>Order level</b>: {@code EligibleExpression} as {@link ExpressionKind#ORDER_ELIGIBLE}; the discount is
 *       {@code ValueExpression} as {@link ExpressionKind#ORDER_VALUE}.
 *   <li><b>Line level</b> ({@code LineItemLevel=true}): {@code EligibleExpression} is tested per line
 *       ({@link ExpressionKind#LINE_ELIGIBLE}, {@code item} = that line); the eligible lines are sorted by
 *       {@code ItemSortBy} and cut to {@code ItemLimitPerOrder} lines; {@code QuantityLimitPerOrder} caps the units
 *       discounted over all lines (a line that crosses the cap is evaluated as if it had only the units left, with
 *       {@code Quantity} and {@code LineSubtotal} reduced accordingly); each selected line's discount is
 *       {@code ValueExpression} ({@link ExpressionKind#LINE_VALUE}). Not eligible when no line is.
 *   <li><b>Money</b>: every discount is rounded HALF_UP to the cent, never negative, and never more than the order
 *       {@code Subtotal} (order level) or the discounted units' subtotal (line level). A missing
 *       {@code ValueExpression} is a discount of 0.
 * </ul>
 *
 * <p>Expressions are parsed on each call (at most 400 characters each). Immutable and thread-safe as long as the
 * {@link CategoryLookup} is. Evaluation errors ({@code Expression.TypeMismatch}, {@code DivisionByZero}) propagate.
 */
public final class ExpressionPromotionCalculator implements PromotionCalculator {

    private final CategoryLookup categories;

    /** @param categories answers {@code product.incategory('X')} (see {@link ProductXpCategories}) */
    public ExpressionPromotionCalculator(CategoryLookup categories) {
        this.categories = Objects.requireNonNull(categories, "categories");
    }

    @Override
    public PromotionEvaluation evaluate(Promotion promotion, OrderWorksheet worksheet) {
        List<LineItem> lines = worksheet.lineItems() == null ? List.of() : worksheet.lineItems();
        List<JsonNode> items = lines.stream().map(ExpressionPromotionCalculator::json).toList();
        EvaluationContext ctx = EvaluationContext.ofOrder(json(worksheet.order()), items).withCategories(categories);
        return Boolean.TRUE.equals(promotion.lineItemLevel())
                ? lineLevel(promotion, lines, items, ctx)
                : orderLevel(promotion, worksheet.order(), ctx);
    }

    /** Parses both expressions for the promotion's level, so a malformed or misplaced one is never stored. */
    @Override
    public void validate(Promotion promotion) {
        boolean line = Boolean.TRUE.equals(promotion.lineItemLevel());
        Expression.parse(promotion.eligibleExpression(), line ? ExpressionKind.LINE_ELIGIBLE : ExpressionKind.ORDER_ELIGIBLE);
        if (hasValue(promotion)) {
            Expression.parse(promotion.valueExpression(), line ? ExpressionKind.LINE_VALUE : ExpressionKind.ORDER_VALUE);
        }
    }

    private PromotionEvaluation orderLevel(Promotion p, Order order, EvaluationContext ctx) {
        if (!Expression.parse(p.eligibleExpression(), ExpressionKind.ORDER_ELIGIBLE).test(ctx)) {
            return PromotionEvaluation.notEligible("its EligibleExpression is false for this order");
        }
        BigDecimal subtotal = order.subtotal() == null ? BigDecimal.ZERO : order.subtotal();
        return PromotionEvaluation.orderLevel(money(value(p, ExpressionKind.ORDER_VALUE, ctx), subtotal));
    }

    private PromotionEvaluation lineLevel(Promotion p, List<LineItem> lines, List<JsonNode> items, EvaluationContext ctx) {
        Expression eligible = Expression.parse(p.eligibleExpression(), ExpressionKind.LINE_ELIGIBLE);
        List<LineItem> matching = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (eligible.test(ctx.withItem(items.get(i)))) {
                matching.add(lines.get(i));
            }
        }
        if (matching.isEmpty()) {
            return PromotionEvaluation.notEligible("no line item meets its EligibleExpression");
        }
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        int unitsLeft = p.quantityLimitPerOrder() == null ? Integer.MAX_VALUE : p.quantityLimitPerOrder();
        for (LineItem l : LineSelection.select(matching, p.itemSortBy(), p.itemLimitPerOrder())) {
            if (unitsLeft <= 0) {
                break;
            }
            int units = Math.min(l.quantity(), unitsLeft);
            unitsLeft -= units;
            BigDecimal counted = (l.unitPrice() == null ? BigDecimal.ZERO : l.unitPrice()).multiply(BigDecimal.valueOf(units));
            JsonNode item = units == l.quantity() ? json(l) : json(l.toBuilder().quantity(units).lineSubtotal(counted).build());
            amounts.put(l.id(), money(value(p, ExpressionKind.LINE_VALUE, ctx.withItem(item)), counted));
        }
        return PromotionEvaluation.lineLevel(amounts);
    }

    private static BigDecimal value(Promotion p, ExpressionKind kind, EvaluationContext ctx) {
        return hasValue(p) ? Expression.parse(p.valueExpression(), kind).amount(ctx) : BigDecimal.ZERO;
    }

    private static boolean hasValue(Promotion p) {
        return p.valueExpression() != null && !p.valueExpression().isBlank();
    }

    /** Rounds HALF_UP to the cent and keeps the result within {@code [0, cap]}. */
    static BigDecimal money(BigDecimal raw, BigDecimal cap) {
        BigDecimal cents = raw.setScale(2, RoundingMode.HALF_UP).max(BigDecimal.ZERO.setScale(2));
        BigDecimal limit = cap.scale() > 2 ? cap.setScale(2, RoundingMode.DOWN) : cap;
        return cents.compareTo(limit) > 0 ? limit : cents;
    }

    private static JsonNode json(Object value) {
        return OrderCloudJson.mapper().valueToTree(value);
    }
}
