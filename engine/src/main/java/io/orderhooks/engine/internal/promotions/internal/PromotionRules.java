package io.orderhooks.engine.internal.promotions.internal;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.catalog.ProductAccess;
import io.orderhooks.engine.internal.orders.OrderMath;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.promotions.PromotionEvaluation;
import io.orderhooks.engine.internal.promotions.Redemptions;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.OrderPromotion;
import io.orderhooks.core.model.Promotion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The rules a promotion must pass to be on an order, and how it is copied onto one. Thread-safe. */
public final class PromotionRules {

    private final EngineContext ctx;

    public PromotionRules(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Refuses a promotion that is inactive ({@code Promotion.NotActive}), outside its dates
     * ({@code Promotion.NotYetValid}: now before {@code StartDate}; {@code Promotion.Expired}: now at or after
     * {@code ExpirationDate}) or used up ({@code Promotion.ExceedsUsageLimit}) for the order's user.
     */
    public void requireUsable(Promotion p, OrderState s) {
        if (!Boolean.TRUE.equals(p.active())) {
            throw Errors.bad("Promotion.NotActive", "Promotion " + p.code() + " is not active.");
        }
        if (p.startDate() != null && ctx.now().isBefore(p.startDate())) {
            throw Errors.bad("Promotion.NotYetValid", "Promotion " + p.code() + " is not yet valid.");
        }
        if (p.expirationDate() != null && !ctx.now().isBefore(p.expirationDate())) {
            throw Errors.bad("Promotion.Expired", "Promotion " + p.code() + " is expired.");
        }
        int used = p.redemptionCount() == null ? 0 : p.redemptionCount();
        if (p.redemptionLimit() != null && used >= p.redemptionLimit()) {
            throw Errors.bad("Promotion.ExceedsUsageLimit", "Promotion code has already been used.");
        }
        if (p.redemptionLimitPerUser() != null
                && Redemptions.byUser(ctx, p.id(), s.order().fromUserID()) >= p.redemptionLimitPerUser()) {
            throw Errors.bad("Promotion.ExceedsUsageLimit", "Promotion code has already been used.");
        }
    }

    /** Whether the promotion may join those already on the order ({@code CanCombine} on every one, itself included). */
    public static boolean combinable(Promotion p, OrderState s) {
        return s.promotions().isEmpty()
                || (Boolean.TRUE.equals(p.canCombine()) && s.promotions().stream().allMatch(x -> Boolean.TRUE.equals(x.canCombine())));
    }

    /** Whether the order's buyer user may use it: {@code AllowAllBuyers}, or assigned to its buyer or one of its groups. */
    public boolean availableTo(OrderState s, Promotion p) {
        return availableTo(Caller.buyer(s.order().fromUserID(), s.order().fromCompanyID(), null), p);
    }

    public boolean availableTo(Caller buyer, Promotion p) {
        if (Boolean.TRUE.equals(p.allowAllBuyers())) {
            return true;
        }
        Set<String> groups = new ProductAccess(ctx).groupsOf(buyer.companyID(), buyer.userID());
        return ctx.store().table(Tables.PROMOTION_ASSIGNMENTS).listWithPrefix(Table.key(p.id(), buyer.companyID()) + "/").stream()
                .anyMatch(a -> a.userGroupID() == null || groups.contains(a.userGroupID()));
    }

    /** The promotion as applied: one entry (order level) or one per discounted line (line level). */
    public List<OrderPromotion> toOrderPromotions(Promotion p, PromotionEvaluation e) {
        OrderPromotion.Builder b = OrderPromotion.builder().id(p.id()).code(p.code()).name(p.name()).description(p.description())
                .finePrint(p.finePrint()).lineItemLevel(p.lineItemLevel()).canCombine(p.canCombine()).autoApply(p.autoApply())
                .active(p.active()).startDate(p.startDate()).expirationDate(p.expirationDate())
                .eligibleExpression(p.eligibleExpression()).valueExpression(p.valueExpression()).redemptionLimit(p.redemptionLimit())
                .redemptionLimitPerUser(p.redemptionLimitPerUser()).redemptionCount(p.redemptionCount())
                .quantityLimitPerOrder(p.quantityLimitPerOrder()).itemLimitPerOrder(p.itemLimitPerOrder()).itemSortBy(p.itemSortBy())
                .allowAllBuyers(p.allowAllBuyers()).useIntegration(p.useIntegration()).priority(p.priority()).ownerID(p.ownerID())
                .xp(p.xp()).amountOverridden(false).dateApplied(ctx.now());
        if (!Boolean.TRUE.equals(p.lineItemLevel())) {
            return List.of(b.amount(OrderMath.nz(e.amount())).build());
        }
        List<OrderPromotion> out = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> line : e.lineAmounts().entrySet()) {
            out.add(b.lineItemID(line.getKey()).amount(line.getValue()).build());
        }
        return out;
    }

    /** Checks the line-selection settings of a promotion being saved; 400 {@code ValidationFailure} naming the field. */
    public static void validateLimits(Promotion p) {
        if (p.itemLimitPerOrder() != null && p.itemLimitPerOrder() < 1) {
            throw Errors.bad("ValidationFailure", "ItemLimitPerOrder must be at least 1");
        }
        if (p.quantityLimitPerOrder() != null && p.quantityLimitPerOrder() < 1) {
            throw Errors.bad("ValidationFailure", "QuantityLimitPerOrder must be at least 1");
        }
        if (p.redemptionLimit() != null && p.redemptionLimit() < 0) {
            throw Errors.bad("ValidationFailure", "RedemptionLimit must not be negative");
        }
        if (p.redemptionLimitPerUser() != null && p.redemptionLimitPerUser() < 0) {
            throw Errors.bad("ValidationFailure", "RedemptionLimitPerUser must not be negative");
        }
        LineSelection.validate(p.itemSortBy());
    }

    /** Fresh entries keeping the {@code DateApplied} of the same promotion already on the order. */
    public static List<OrderPromotion> keepDateApplied(List<OrderPromotion> fresh, OrderState s) {
        return fresh.stream().map(x -> s.promotions().stream().filter(o -> o.id().equals(x.id())).findFirst()
                .map(o -> x.toBuilder().dateApplied(o.dateApplied()).build()).orElse(x)).toList();
    }

    /** Whether two promotion lists carry the same entries and amounts (and none was overridden by calculate). */
    public static boolean sameAmounts(List<OrderPromotion> a, List<OrderPromotion> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            OrderPromotion x = a.get(i);
            OrderPromotion y = b.get(i);
            if (!x.id().equals(y.id()) || !Objects.equals(x.lineItemID(), y.lineItemID())
                    || OrderMath.nz(x.amount()).compareTo(OrderMath.nz(y.amount())) != 0 || Boolean.TRUE.equals(y.amountOverridden())) {
                return false;
            }
        }
        return true;
    }
}
