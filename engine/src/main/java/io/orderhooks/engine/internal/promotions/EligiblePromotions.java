package io.orderhooks.engine.internal.promotions;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.orders.Direction;
import io.orderhooks.engine.internal.orders.OrderAccess;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.promotions.internal.PromotionRules;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.EligiblePromotion;
import io.orderhooks.core.model.OrderPromotion;
import io.orderhooks.core.model.Promotion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The promotions an order qualifies for as it stands: available to the order's buyer user, usable now (active,
 * within dates, not used up) and eligible by the {@link PromotionCalculator}, whether or not they are already on
 * the order and whether or not they combine with what is there. Ordered by {@code Priority} (lower first, none
 * last), then {@code Code}. Read-only; thread-safe.
 */
final class EligiblePromotions {

    private final EngineContext ctx;
    private final PromotionCalculator calculator;
    private final PromotionRules rules;
    private final OrderAccess access;

    EligiblePromotions(EngineContext ctx, PromotionCalculator calculator, PromotionRules rules) {
        this.ctx = ctx;
        this.calculator = calculator;
        this.rules = rules;
        this.access = new OrderAccess(ctx);
    }

    List<EligiblePromotion> list(Caller caller, Direction direction, String orderID) {
        OrderState s = access.load(caller, direction, orderID);
        List<EligiblePromotion> out = new ArrayList<>();
        List<Promotion> candidates = ctx.store().table(Tables.PROMOTIONS).list().stream()
                .sorted(Comparator.comparing(Promotion::priority, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Promotion::code, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))).toList();
        for (Promotion p : candidates) {
            if (!rules.availableTo(s, p)) {
                continue;
            }
            try {
                rules.requireUsable(p, s);
                PromotionEvaluation e = calculator.evaluate(p, s.worksheet());
                if (e.eligible()) {
                    BigDecimal amount = rules.toOrderPromotions(p, e).stream().map(OrderPromotion::amount)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    out.add(new EligiblePromotion(amount, p));
                }
            } catch (OrderCloudException notUsable) {
                // not usable now or its expression fails on this order: not eligible
            }
        }
        return out;
    }
}
