package io.orderhooks.engine.internal.promotions;

import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.Promotion;

/**
 * The extension point for promotion expressions: decides whether a promotion applies to an order and how
 * much it takes off. The engine calls it when a code is applied, whenever the lines change (to refresh the
 * amounts) and on submit (eligibility is re-checked). Implementations must be thread-safe and side-effect
 * free; they may throw an {@code OrderCloudException} (e.g. {@code Expression.InvalidSyntax}).
 */
@FunctionalInterface
public interface PromotionCalculator {

    PromotionEvaluation evaluate(Promotion promotion, OrderWorksheet worksheet);

    /** Checks a promotion's expressions when it is saved; throws {@code Expression.*} errors. Default: accepts all. */
    default void validate(Promotion promotion) {}

    /** The default when no expression language is wired in: no promotion is ever eligible. */
    PromotionCalculator NONE = (promotion, worksheet) ->
            PromotionEvaluation.notEligible("no promotion expression evaluator is configured");
}
