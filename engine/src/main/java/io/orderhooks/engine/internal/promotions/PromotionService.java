package io.orderhooks.engine.internal.promotions;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.orders.Direction;
import io.orderhooks.engine.internal.orders.OrderAccess;
import io.orderhooks.engine.internal.orders.Modifications;
import io.orderhooks.engine.internal.orders.OrderMath;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.promotions.internal.PromotionRules;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderPromotion;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.Promotion;
import io.orderhooks.core.model.PromotionAssignment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Promotions: storage (seller), assignment to buyers and groups, and applying / removing / refreshing them on
 * orders. Eligibility and amounts come from the {@link PromotionCalculator}; redemption counts from
 * {@link Redemptions}. Thread-safe; order changes run under the order's lock. Every refusal code is in
 * docs/ENGINE.md.
 */
public final class PromotionService {

    private final EngineContext ctx;
    private final PromotionCalculator calculator;
    private final OrderAccess access;
    private final PromotionRules rules;
    private final EligiblePromotions eligible;

    public PromotionService(EngineContext ctx, PromotionCalculator calculator) {
        this.ctx = ctx;
        this.calculator = calculator;
        this.access = new OrderAccess(ctx);
        this.rules = new PromotionRules(ctx);
        this.eligible = new EligiblePromotions(ctx, calculator, rules);
    }

    /** Creates or replaces a promotion; its expressions are checked by the calculator first, so a bad one is never stored. */
    public Promotion save(Caller caller, Promotion p) {
        return save(caller, p, false);
    }

    /**
     * Creates a promotion: as {@link #save}, but a taken ID is 409 {@code IdExists}, decided by one atomic insert
     * (never a check followed by a write, so two concurrent creates of one ID cannot both succeed).
     */
    public Promotion create(Caller caller, Promotion p) {
        return save(caller, p, true);
    }

    private Promotion save(Caller caller, Promotion p, boolean create) {
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
        PromotionRules.validateLimits(p);
        String id = p.id() == null || p.id().isBlank() ? ctx.ids().next() : p.id();
        calculator.validate(p);
        Promotion stored = p.toBuilder().id(id).ownerID(caller.companyID()).active(p.active() == null || p.active())
                .redemptionCount(ctx.store().table(Tables.PROMOTIONS).find(id).map(Promotion::redemptionCount).orElse(0))
                .lineItemLevel(Boolean.TRUE.equals(p.lineItemLevel())).canCombine(Boolean.TRUE.equals(p.canCombine()))
                .autoApply(Boolean.TRUE.equals(p.autoApply())).build();
        // one write decides both conflicts: a taken ID (IdExists, on create) and a code another promotion holds
        // (Promotion.CodeInUse, the table's unique lookup), also against a racing write
        ctx.store().table(Tables.PROMOTIONS).save(id, stored, create, "Promotion", id);
        return stored;
    }

    public Promotion get(Caller caller, String promotionID) {
        io.orderhooks.engine.internal.grouporders.Contributors.refuse(caller, "read promotions");
        Promotion p = ctx.store().table(Tables.PROMOTIONS).find(promotionID).orElseThrow(() -> Errors.notFound("Promotion", promotionID));
        if (caller.isBuyer() && !rules.availableTo(caller, p)) {
            throw Errors.notFound("Promotion", promotionID);
        }
        return p;
    }

    /** All promotions for the seller; for a buyer user those assigned to it ({@code me/promotions}). */
    public List<Promotion> list(Caller caller) {
        io.orderhooks.engine.internal.grouporders.Contributors.refuse(caller, "read promotions");
        return ctx.store().table(Tables.PROMOTIONS).list().stream().filter(p -> !caller.isBuyer() || rules.availableTo(caller, p)).toList();
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

    /**
     * Applies a promotion code to an order. Refusals, in order: {@code NotFound} (no such code or not available to
     * the order's buyer user), {@code Promotion.NotActive}/{@code NotYetValid}/{@code Expired}/{@code ExceedsUsageLimit},
     * {@code Promotion.AlreadyAdded}, {@code Promotion.CannotCombine}, {@code Promotion.NotEligible}. Returns the
     * first entry added (a line-level promotion adds one per discounted line).
     */
    public OrderPromotion apply(Caller caller, Direction direction, String orderID, String code) {
        return ctx.store().withOrder(orderID, s -> {
            access.requireModify(caller, direction, s);
            requirePromoStatus(s);
            Promotion p = byCode(code);
            if (!rules.availableTo(s, p)) {
                throw Errors.notFound("Promotion", code);
            }
            rules.requireUsable(p, s);
            if (s.promotions().stream().anyMatch(x -> x.id().equals(p.id()))) {
                throw Errors.bad("Promotion.AlreadyAdded", "Promotion has already been added to this order.");
            }
            if (!PromotionRules.combinable(p, s)) {
                throw Errors.bad("Promotion.CannotCombine", "Promotion cannot be combined with any other promo on the same order.");
            }
            PromotionEvaluation e = calculator.evaluate(p, s.worksheet());
            if (!e.eligible()) {
                throw notEligible(p, e.reason());
            }
            List<OrderPromotion> added = rules.toOrderPromotions(p, e);
            List<OrderPromotion> all = new ArrayList<>(s.promotions());
            all.addAll(added);
            return Mutation.commit(OrderMath.stale(s.withPromotions(all).withOrder(Modifications.touched(s.order(), caller, ctx.now()))), added.get(0));
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
            return Mutation.commit(OrderMath.stale(s.withPromotions(kept).withOrder(Modifications.touched(s.order(), caller, ctx.now()))), null);
        });
    }

    /** {@code GET .../eligiblepromotions}: see {@link EligiblePromotions}. */
    public List<io.orderhooks.core.model.EligiblePromotion> eligible(Caller caller, Direction direction, String orderID) {
        return eligible.list(caller, direction, orderID);
    }

    public List<OrderPromotion> listOnOrder(Caller caller, Direction direction, String orderID) {
        return access.load(caller, direction, orderID).promotions();
    }

    /**
     * {@code POST applypromotions}: adds every {@code AutoApply} promotion that is available to the order's buyer
     * user, usable, not yet on the order, combinable with what is there and eligible — by {@code Priority}
     * (lower first, none last), then {@code Code}. Ones that do not qualify are skipped silently. The order is
     * made stale only when something was added.
     */
    public Order applyAuto(Caller caller, Direction direction, String orderID) {
        return ctx.store().withOrder(orderID, s -> {
            access.requireModify(caller, direction, s);
            requirePromoStatus(s);
            OrderState next = s;
            List<Promotion> auto = ctx.store().table(Tables.PROMOTIONS).list().stream().filter(p -> Boolean.TRUE.equals(p.autoApply()))
                    .sorted(Comparator.comparing(Promotion::priority, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(Promotion::code, String.CASE_INSENSITIVE_ORDER)).toList();
            for (Promotion p : auto) {
                OrderState current = next;
                if (current.promotions().stream().noneMatch(x -> x.id().equals(p.id())) && rules.availableTo(current, p)
                        && PromotionRules.combinable(p, current)) {
                    PromotionEvaluation e = quietly(() -> {
                        rules.requireUsable(p, current);
                        return calculator.evaluate(p, current.worksheet());
                    });
                    if (e.eligible()) {
                        List<OrderPromotion> all = new ArrayList<>(current.promotions());
                        all.addAll(rules.toOrderPromotions(p, e));
                        next = OrderMath.recompute(current.withPromotions(all));
                    }
                }
            }
            return next == s ? Mutation.unchanged(s.order()) : commitStale(next);
        });
    }

    /**
     * {@code POST refreshpromotions}: re-evaluates every promotion on the order; those no longer usable or eligible
     * are removed, the others get their current amounts. Does not add {@code AutoApply} promotions (that is
     * {@link #applyAuto}). The order is made stale only when an amount changed or a promotion was removed.
     * Returns the promotions now on the order.
     */
    public List<OrderPromotion> refreshOrder(Caller caller, Direction direction, String orderID) {
        return ctx.store().withOrder(orderID, s -> {
            access.requireModify(caller, direction, s);
            requirePromoStatus(s);
            List<OrderPromotion> out = new ArrayList<>();
            for (String id : s.promotions().stream().map(OrderPromotion::id).distinct().toList()) {
                Promotion p = ctx.store().table(Tables.PROMOTIONS).find(id).orElse(null);
                PromotionEvaluation e = p == null ? PromotionEvaluation.notEligible("deleted") : quietly(() -> {
                    rules.requireUsable(p, s);
                    return calculator.evaluate(p, s.worksheet());
                });
                if (e.eligible()) {
                    out.addAll(PromotionRules.keepDateApplied(rules.toOrderPromotions(p, e), s));
                }
            }
            if (PromotionRules.sameAmounts(out, s.promotions())) {
                return Mutation.unchanged(s.promotions());
            }
            OrderState next = OrderMath.stale(s.withPromotions(out));
            return Mutation.commit(next, next.promotions());
        });
    }

    /**
     * Recomputes the amounts of the promotions applied to an order from its current lines; a promotion that
     * is no longer eligible (or whose expression fails on the new data) stays applied with amount 0 and submit
     * then refuses it. Used after line and order changes.
     */
    public OrderState refresh(OrderState s) {
        if (s.promotions().isEmpty()) {
            return s;
        }
        List<OrderPromotion> out = new ArrayList<>();
        for (String promotionID : s.promotions().stream().map(OrderPromotion::id).distinct().toList()) {
            OrderPromotion first = s.promotions().stream().filter(x -> x.id().equals(promotionID)).findFirst().orElseThrow();
            Promotion p = ctx.store().table(Tables.PROMOTIONS).find(promotionID).orElse(null);
            PromotionEvaluation e = p == null ? PromotionEvaluation.notEligible("deleted") : quietly(() -> calculator.evaluate(p, s.worksheet()));
            List<OrderPromotion> now = e.eligible() ? PromotionRules.keepDateApplied(rules.toOrderPromotions(p, e), s) : List.of();
            out.addAll(now.isEmpty() ? List.of(first.toBuilder().amount(BigDecimal.ZERO).lineItemID(null).build()) : now);
        }
        return OrderMath.recompute(s.withPromotions(out));
    }

    /**
     * Submit's re-check of every promotion on the order: deleted or not eligible any more →
     * {@code Promotion.NotEligible} naming the code; inactive, out of dates or used up → that code.
     */
    public void requireSubmittable(OrderState s) {
        for (OrderPromotion applied : s.promotions().stream().filter(distinctBy()).toList()) {
            Promotion p = ctx.store().table(Tables.PROMOTIONS).find(applied.id())
                    .orElseThrow(() -> notEligible(applied.code(), applied.id(), "the promotion no longer exists"));
            rules.requireUsable(p, s);
            PromotionEvaluation e = calculator.evaluate(p, s.worksheet());
            if (!e.eligible()) {
                throw notEligible(p, e.reason());
            }
        }
    }

    private static java.util.function.Predicate<OrderPromotion> distinctBy() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return x -> seen.add(x.id());
    }

    private static PromotionEvaluation quietly(java.util.function.Supplier<PromotionEvaluation> work) {
        try {
            return work.get();
        } catch (OrderCloudException e) {
            return PromotionEvaluation.notEligible(e.getMessage());
        }
    }

    private static Mutation<Order> commitStale(OrderState next) {
        OrderState stale = OrderMath.stale(next);
        return Mutation.commit(stale, stale.order());
    }

    private static OrderCloudException notEligible(Promotion p, String reason) {
        return notEligible(p.code(), p.id(), reason);
    }

    private static OrderCloudException notEligible(String code, String id, String reason) {
        return Errors.bad("Promotion.NotEligible", "Promotion " + code + " cannot be used on this order: " + reason + ".",
                Map.of("PromotionID", id, "Code", code));
    }

    private Promotion byCode(String code) {
        return ctx.store().table(Tables.PROMOTIONS).findByLookup(code.toLowerCase(java.util.Locale.ROOT)).stream().findFirst()
                .orElseThrow(() -> Errors.notFound("Promotion", code));
    }

    private static void requirePromoStatus(OrderState s) {
        OrderStatus st = s.order().status();
        if (st != OrderStatus.Unsubmitted && st != OrderStatus.AwaitingApproval) {
            throw Errors.bad("Order.CannotApplyPromoBadStatus", "Order status must be Unsubmitted or Awaiting Approval to apply a promotion.");
        }
    }
}
