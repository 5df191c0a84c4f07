package io.orderhooks.engine.internal.checkout;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.approvals.ApprovalPolicy;
import io.orderhooks.engine.internal.integrations.IntegrationService;
import io.orderhooks.engine.internal.orders.Direction;
import io.orderhooks.engine.internal.orders.CheckoutReservation;
import io.orderhooks.engine.internal.orders.Modifications;
import io.orderhooks.engine.internal.orders.OrderAccess;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.orgs.SpendingAccountService;
import io.orderhooks.engine.internal.promotions.PromotionService;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.core.model.ApprovalRule;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderApproval;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.OrderSubmitForApprovalResponse;
import io.orderhooks.core.model.OrderSubmitResponse;
import io.orderhooks.core.model.Payment;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.engine.spi.IntegrationEndpoint;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Submit. Without a checkout integration: one short transaction runs every {@link SubmitCheck} (built-in first, then
 * the extra ones), asks the {@link ApprovalPolicy} which rules hold the order, applies the {@link SubmitEffects} and
 * commits the order as {@code Open} (or {@code AwaitingApproval} with pending approvals). With one, the same in three
 * steps ({@link CheckoutHold}): reserve (checks, reservation committed, effects tried and rolled back), call
 * {@code /ordersubmit} (or {@code /ordersubmitforapproval}) with no lock or transaction held, complete (effects,
 * answer and status in one transaction when the order is unchanged).
 *
 * <p><b>Failures.</b> A refused check or effect changes nothing. If the integration call fails, nothing was taken:
 * the failed answer is recorded in the worksheet, the order stays {@code Unsubmitted} and the caller gets the
 * {@link CheckoutInvoker#failure} error; a retry re-sends with the same idempotency key
 * ({@code {orderID}/ordersubmit/{n}}). A second submit while one is in flight gets 409 {@code Order.CheckoutInProgress};
 * one after it gets {@code Order.CannotSubmitBadStatus}.
 */
public final class SubmitService {

    private final EngineContext ctx;
    private final OrderAccess access;
    private final IntegrationService integrations;
    private final SpendingAccountService accounts;
    private final PromotionService promotions;
    private final ApprovalPolicy approvalPolicy;
    private final List<SubmitCheck> checks;
    private final CheckoutInvoker invoker;
    private final CheckoutHold hold;
    private final BiConsumer<Caller, OrderState> afterSubmit;

    public SubmitService(EngineContext ctx, IntegrationService integrations, SpendingAccountService accounts, PromotionService promotions,
            ApprovalPolicy approvalPolicy, List<SubmitCheck> checks, BiConsumer<Caller, OrderState> afterSubmit) {
        this.ctx = ctx;
        this.access = new OrderAccess(ctx);
        this.integrations = integrations;
        this.accounts = accounts;
        this.promotions = promotions;
        this.approvalPolicy = approvalPolicy;
        this.checks = List.copyOf(checks);
        this.invoker = new CheckoutInvoker(ctx);
        this.hold = new CheckoutHold(ctx);
        this.afterSubmit = afterSubmit;
    }

    public Order submit(Caller caller, Direction direction, String orderID, String accessToken) {
        IntegrationEndpoint ep = integrations.checkoutEndpoint(caller.clientID()).orElse(null);
        OrderState done = ep == null ? submitWithoutIntegration(caller, direction, orderID) : submitThroughIntegration(caller, direction, orderID, ep, accessToken);
        if (done.order().status() == OrderStatus.Open) {
            afterSubmit.accept(caller, done);
        }
        return done.order();
    }

    /** No middleware to call: checks, effects and the new status commit in one short transaction. */
    private OrderState submitWithoutIntegration(Caller caller, Direction direction, String orderID) {
        return ctx.store().withOrder(orderID, s -> {
            List<ApprovalRule> holding = checked(caller, direction, s, null);
            OrderState next = submitted(caller, s, holding).withPayments(new SubmitEffects(ctx, accounts).apply(s));
            return Mutation.commit(next, next);
        });
    }

    /** What the reserve step decided: the reservation and the submitted state the middleware is shown. */
    private record Prepared(CheckoutReservation held, OrderState next, CheckoutEventType type) {}

    /**
     * Reserve (checks, then the reservation commits), trial the effects (rolled back), call the middleware with no
     * transaction held, then complete: effects, answer and status commit together when the order is unchanged.
     */
    private OrderState submitThroughIntegration(Caller caller, Direction direction, String orderID, IntegrationEndpoint ep, String accessToken) {
        Prepared p = ctx.store().withOrder(orderID, s -> {
            List<ApprovalRule> holding = checked(caller, direction, s, ep);
            CheckoutEventType type = holding.isEmpty() ? CheckoutEventType.ORDER_SUBMIT : CheckoutEventType.ORDER_SUBMIT_FOR_APPROVAL;
            CheckoutReservation held = hold.reservationFor(s, type);
            return Mutation.commit(s.withReservation(held), new Prepared(held, submitted(caller, s.withReservation(null), holding), type));
        });
        try {
            hold.trial(orderID, p.held(), s -> new SubmitEffects(ctx, accounts).apply(s));
        } catch (RuntimeException refused) {
            hold.release(orderID, p.held());
            throw refused;
        }
        String key = orderID + "/" + p.type().suffix() + "/" + p.next().submitGeneration();
        if (p.type() == CheckoutEventType.ORDER_SUBMIT) {
            var r = invoker.call(p.type(), ep, p.next().worksheet(), accessToken, key, OrderSubmitResponse.class);
            return complete(orderID, p, r, s -> s.withSubmitResponse(r.response()));
        }
        var r = invoker.call(p.type(), ep, p.next().worksheet(), accessToken, key, OrderSubmitForApprovalResponse.class);
        return complete(orderID, p, r, s -> s.withSubmitForApprovalResponse(r.response()));
    }

    /**
     * The complete step. A failed call records its answer on the unsubmitted order and raises the call's error; a
     * successful one commits effects, answer and status in one transaction. If the effects are refused now (stock
     * taken meanwhile), the reservation is released and the refusal raised; nothing else changes.
     */
    private OrderState complete(String orderID, Prepared p, CheckoutInvoker.Result<?> r, java.util.function.UnaryOperator<OrderState> answered) {
        if (!r.succeeded()) {
            return hold.complete(orderID, p.held(), s -> Mutation.commitThenFail(answered.apply(s.withReservation(null)),
                    CheckoutInvoker.failure(p.type(), r)));
        }
        try {
            return hold.complete(orderID, p.held(), s -> {
                OrderState next = answered.apply(p.next().withPayments(new SubmitEffects(ctx, accounts).apply(s)));
                return Mutation.commit(next, next);
            });
        } catch (io.orderhooks.core.error.OrderCloudException refused) {
            if (!"Order.ChangedDuringIntegrationEvent".equals(refused.errorCode())) {
                hold.release(orderID, p.held());
            }
            throw refused;
        }
    }

    /** Access and every {@link SubmitCheck}; returns the approval rules that hold the order. */
    private List<ApprovalRule> checked(Caller caller, Direction direction, OrderState s, IntegrationEndpoint ep) {
        access.requireModify(caller, direction, s);
        SubmitCheck.Context c = new SubmitCheck.Context(caller, s, ep, ctx.now());
        checks.forEach(check -> check.check(c));
        return approvalPolicy.holding(s.worksheet(), rulesOf(s), s.approvals());
    }

    /**
     * {@code POST .../validate}: runs every {@link SubmitCheck} as submit would, under the order's lock, and
     * changes nothing; returns normally when the order could be submitted now (approval rules, inventory
     * reservation and the integration calls are not part of validation).
     */
    public void validate(Caller caller, Direction direction, String orderID) {
        IntegrationEndpoint ep = integrations.checkoutEndpoint(caller.clientID()).orElse(null);
        ctx.store().withOrder(orderID, s -> {
            access.requireModify(caller, direction, s);
            SubmitCheck.Context c = new SubmitCheck.Context(caller, s, ep, ctx.now());
            checks.forEach(check -> check.check(c));
            return Mutation.unchanged(Boolean.TRUE);
        });
    }

    private OrderState submitted(Caller caller, OrderState s, List<ApprovalRule> holding) {
        Order.Builder o = s.order().toBuilder().isSubmitted(true).dateSubmitted(ctx.now()).lastUpdated(ctx.now())
                .submittedBy(Modifications.isShared(s.order()) ? caller.userID() : null).status(holding.isEmpty() ? OrderStatus.Open : OrderStatus.AwaitingApproval);
        List<OrderApproval> approvals = new java.util.ArrayList<>(s.approvals());
        for (ApprovalRule r : holding) {
            approvals.add(new OrderApproval(false, r.id(), r.approvingGroupID(), "Pending", ctx.now(), null, null, null));
        }
        return s.withOrder(o.build()).withApprovals(approvals).withSubmitGeneration(s.submitGeneration() + 1);
    }

    private List<ApprovalRule> rulesOf(OrderState s) {
        return io.orderhooks.engine.internal.approvals.ApprovalRuleService.rulesFor(ctx, s.order());
    }

    static void requireStatus(OrderState s, OrderStatus status, String code, String message) {
        if (s.order().status() != status) {
            throw Errors.bad(code, message);
        }
    }
}
