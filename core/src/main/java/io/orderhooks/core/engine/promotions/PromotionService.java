package io.orderhooks.core.engine.promotions;

import io.orderhooks.core.engine.Caller;
import io.orderhooks.core.engine.EngineContext;
import io.orderhooks.core.engine.Errors;
import io.orderhooks.core.engine.catalog.ProductAccess;
import io.orderhooks.core.engine.orders.Direction;
import io.orderhooks.core.engine.orders.OrderAccess;
import io.orderhooks.core.engine.orders.OrderMath;
import io.orderhooks.core.engine.orders.OrderState;
import io.orderhooks.core.engine.store.Mutation;
import io.orderhooks.core.engine.store.Table;
import io.orderhooks.core.engine.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.OrderPromotion;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.Promotion;
import io.orderhooks.core.model.PromotionAssignment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Promotions: storage (seller), assignment to buyers and groups, and applying / removing codes on orders.
 * Eligibility and amounts come from the {@link PromotionCalculator}. Thread-safe; order changes run under
 * the order's lock.
 */
public final class PromotionService {

    private final EngineContext ctx;
    private final PromotionCalculator calculator;
    private final OrderAccess access;

    public PromotionService(EngineContext ctx, PromotionCalculator calculator) {
        this.ctx = ctx;
        this.calculator = calculator;
        this.access = new OrderAccess(ctx);
    }

    public Promotion save(Caller caller, Promotion p) {
        Errors.requireSeller(caller);
        if (p.code() == null || p.code().isBlank()) {
            throw Errors.required("Code");
        }
        if (p.eligibleExpression() == null || p.eligibleExpression().isBlank()) {
            throw Errors.required("EligibleExpression");
        }
        if (p.startDate() != null && p.expirationDate() != null && p.expirationDate().isBefore(p.startDate())) {
            throw Errors.bad("Promotion.ExpirationPrecedsStart", "Promotion ExpirationDate cannot be earlier than StartDate.");
        }
        String id = p.id() == null || p.id().isBlank() ? ctx.ids().next() : p.id();
        boolean codeTaken = ctx.store().table(Tables.PROMOTIONS).list().stream()
                .anyMatch(o -> o.code().equalsIgnoreCase(p.code()) && !o.id().equals(id));
        if (codeTaken) {
            throw new OrderCloudException(409, "Promotion.CodeInUse", "This code is already in use on another promotion.");
        }
        calculator.validate(p);
        Promotion stored = p.toBuilder().id(id).ownerID(caller.companyID()).active(p.active() == null || p.active())
                .redemptionCount(ctx.store().table(Tables.PROMOTIONS).find(id).map(Promotion::redemptionCount).orElse(0))
                .lineItemLevel(Boolean.TRUE.equals(p.lineItemLevel())).canCombine(Boolean.TRUE.equals(p.canCombine())).build();
        ctx.store().table(Tables.PROMOTIONS).put(id, stored);
        return stored;
    }

    public Promotion get(Caller caller, String promotionID) {
        io.orderhooks.core.engine.grouporders.Contributors.refuse(caller, "read promotions");
        Promotion p = ctx.store().table(Tables.PROMOTIONS).find(promotionID).orElseThrow(() -> Errors.notFound("Promotion", promotionID));
        if (caller.isBuyer() && !availableTo(caller, p)) {
            throw Errors.notFound("Promotion", promotionID);
        }
        return p;
    }

    /** All promotions for the seller; for a buyer user those assigned to it ({@code me/promotions}). */
    public List<Promotion> list(Caller caller) {
        io.orderhooks.core.engine.grouporders.Contributors.refuse(caller, "read promotions");
        return ctx.store().table(Tables.PROMOTIONS).list().stream().filter(p -> !caller.isBuyer() || availableTo(caller, p)).toList();
    }

    public void delete(Caller caller, String promotionID) {
        Errors.requireSeller(caller);
        if (!ctx.store().table(Tables.PROMOTIONS).delete(promotionID)) {
            throw Errors.notFound("Promotion", promotionID);
        }
    }

    public void assign(Caller caller, PromotionAssignment a) {
        Errors.requireSeller(caller);
        get(caller, a.promotionID());
        ctx.store().table(Tables.PROMOTION_ASSIGNMENTS).put(Table.key(a.promotionID(), Tables.part(a.buyerID()), Tables.part(a.userGroupID())), a);
    }

    /** Applies a promotion code to an order (see docs/ENGINE.md for every refusal code). */
    public OrderPromotion apply(Caller caller, Direction direction, String orderID, String code) {
        return ctx.store().withOrder(orderID, s -> {
            access.requireModify(caller, direction, s);
            requirePromoStatus(s);
            Promotion p = byCode(code);
            if (!availableTo(OrderAccessCaller.of(s), p)) {
                throw Errors.notFound("Promotion", code);
            }
            checkUsable(p, s);
            if (s.promotions().stream().anyMatch(x -> x.id().equals(p.id()))) {
                throw Errors.bad("Promotion.AlreadyAdded", "Promotion has already been added to this order.");
            }
            boolean combinable = s.promotions().isEmpty()
                    || (Boolean.TRUE.equals(p.canCombine()) && s.promotions().stream().allMatch(x -> Boolean.TRUE.equals(x.canCombine())));
            if (!combinable) {
                throw Errors.bad("Promotion.CannotCombine", "Promotion cannot be combined with any other promo on the same order.");
            }
            PromotionEvaluation e = calculator.evaluate(p, s.worksheet());
            if (!e.eligible()) {
                throw Errors.bad("Promotion.NotEligible", "Promotion cannot be used on this order: " + e.reason());
            }
            List<OrderPromotion> all = new ArrayList<>(s.promotions());
            List<OrderPromotion> added = toOrderPromotions(p, e);
            all.addAll(added);
            OrderState next = OrderMath.stale(s.withPromotions(all));
            return Mutation.commit(next, added.isEmpty() ? null : added.get(0));
        });
    }

    public void remove(Caller caller, Direction direction, String orderID, String code) {
        ctx.store().withOrder(orderID, s -> {
            access.requireModify(caller, direction, s);
            requirePromoStatus(s);
            List<OrderPromotion> kept = s.promotions().stream().filter(x -> !x.code().equalsIgnoreCase(code)).toList();
            if (kept.size() == s.promotions().size()) {
                throw Errors.notFound("OrderPromotion", code);
            }
            return Mutation.commit(OrderMath.stale(s.withPromotions(kept)), null);
        });
    }

    public List<OrderPromotion> listOnOrder(Caller caller, Direction direction, String orderID) {
        return access.load(caller, direction, orderID).promotions();
    }

    /**
     * Recomputes the amounts of the promotions applied to an order from its current lines; a promotion that
     * is no longer eligible stays applied with amount 0 (submit then refuses it). Used after line changes.
     */
    public OrderState refresh(OrderState s) {
        if (s.promotions().isEmpty()) {
            return s;
        }
        List<OrderPromotion> out = new ArrayList<>();
        for (String promotionID : s.promotions().stream().map(OrderPromotion::id).distinct().toList()) {
            OrderPromotion first = s.promotions().stream().filter(x -> x.id().equals(promotionID)).findFirst().orElseThrow();
            Promotion p = ctx.store().table(Tables.PROMOTIONS).find(promotionID).orElse(null);
            PromotionEvaluation e = p == null ? PromotionEvaluation.notEligible("deleted") : calculator.evaluate(p, s.worksheet());
            List<OrderPromotion> now = e.eligible() ? toOrderPromotions(p, e) : List.of();
            out.addAll(now.isEmpty() ? List.of(first.toBuilder().amount(BigDecimal.ZERO).lineItemID(null).build()) : now);
        }
        return OrderMath.recompute(s.withPromotions(out));
    }

    /** The IDs of applied promotions that are no longer usable or eligible; empty when all are fine. */
    public List<String> ineligible(OrderState s) {
        List<String> bad = new ArrayList<>();
        for (String id : s.promotions().stream().map(OrderPromotion::id).distinct().toList()) {
            Promotion p = ctx.store().table(Tables.PROMOTIONS).find(id).orElse(null);
            try {
                if (p == null) {
                    throw Errors.notFound("Promotion", id);
                }
                checkUsable(p, s);
                if (!calculator.evaluate(p, s.worksheet()).eligible()) {
                    bad.add(id);
                }
            } catch (OrderCloudException e) {
                bad.add(id);
            }
        }
        return bad;
    }

    /** Counts one redemption of each promotion on a submitted order. */
    public void redeem(OrderState s) {
        s.promotions().stream().map(OrderPromotion::id).distinct().forEach(id -> ctx.store().table(Tables.PROMOTIONS)
                .update(id, p -> p.toBuilder().redemptionCount((p.redemptionCount() == null ? 0 : p.redemptionCount()) + 1).build()));
    }

    private void checkUsable(Promotion p, OrderState s) {
        if (!Boolean.TRUE.equals(p.active())) {
            throw Errors.bad("Promotion.NotActive", "Promotion is not active.");
        }
        if (p.startDate() != null && ctx.now().isBefore(p.startDate())) {
            throw Errors.bad("Promotion.NotYetValid", "Promotion is not yet valid.");
        }
        if (p.expirationDate() != null && !ctx.now().isBefore(p.expirationDate())) {
            throw Errors.bad("Promotion.Expired", "Promotion is expired.");
        }
        if (p.redemptionLimit() != null && p.redemptionCount() != null && p.redemptionCount() >= p.redemptionLimit()) {
            throw Errors.bad("Promotion.ExceedsUsageLimit", "Promotion code has already been used.");
        }
        if (p.redemptionLimitPerUser() != null) {
            long used = ctx.store().orders().stream().filter(o -> !o.id().equals(s.id()) && o.order().status() != OrderStatus.Unsubmitted
                    && s.order().fromUserID().equals(o.order().fromUserID())
                    && o.promotions().stream().anyMatch(x -> x.id().equals(p.id()))).count();
            if (used >= p.redemptionLimitPerUser()) {
                throw Errors.bad("Promotion.ExceedsUsageLimit", "Promotion code has already been used.");
            }
        }
    }

    private List<OrderPromotion> toOrderPromotions(Promotion p, PromotionEvaluation e) {
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

    private Promotion byCode(String code) {
        return ctx.store().table(Tables.PROMOTIONS).list().stream().filter(p -> p.code().equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> Errors.notFound("Promotion", code));
    }

    private boolean availableTo(Caller buyer, Promotion p) {
        if (Boolean.TRUE.equals(p.allowAllBuyers())) {
            return true;
        }
        Set<String> groups = new ProductAccess(ctx).groupsOf(buyer.companyID(), buyer.userID());
        return ctx.store().table(Tables.PROMOTION_ASSIGNMENTS).listWithPrefix(Table.key(p.id(), buyer.companyID()) + "/").stream()
                .anyMatch(a -> a.userGroupID() == null || groups.contains(a.userGroupID()));
    }

    private static void requirePromoStatus(OrderState s) {
        OrderStatus st = s.order().status();
        if (st != OrderStatus.Unsubmitted && st != OrderStatus.AwaitingApproval) {
            throw Errors.bad("Order.CannotApplyPromoBadStatus", "Order status must be Unsubmitted or Awaiting Approval to apply a promotion.");
        }
    }

    /** The order's buyer user as a caller, for availability checks. */
    private static final class OrderAccessCaller {
        static Caller of(OrderState s) {
            return Caller.buyer(s.order().fromUserID(), s.order().fromCompanyID(), null);
        }
    }
}
