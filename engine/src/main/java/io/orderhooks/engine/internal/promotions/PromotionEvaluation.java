package io.orderhooks.engine.internal.promotions;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link PromotionCalculator} decided for one promotion on one order.
 *
 * @param eligible whether the promotion's {@code EligibleExpression} holds
 * @param reason why not, when not eligible (shown in the {@code Promotion.NotEligible} message)
 * @param amount the order-level discount (order-level promotions)
 * @param lineAmounts the discount per line item ID (line-level promotions), kept in the order given
 */
public record PromotionEvaluation(boolean eligible, String reason, BigDecimal amount, Map<String, BigDecimal> lineAmounts) {

    public PromotionEvaluation {
        lineAmounts = lineAmounts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(lineAmounts));
    }

    public static PromotionEvaluation orderLevel(BigDecimal amount) {
        return new PromotionEvaluation(true, null, amount, Map.of());
    }

    public static PromotionEvaluation lineLevel(Map<String, BigDecimal> lineAmounts) {
        return new PromotionEvaluation(true, null, null, lineAmounts);
    }

    public static PromotionEvaluation notEligible(String reason) {
        return new PromotionEvaluation(false, reason, null, Map.of());
    }
}
