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
 * steps ({@link CheckoutHold}): reserve (checks; reservation and effects committed, the effects as a
 * {@link SubmitHolds hold}), call {@code /ordersubmit} (or {@code /ordersubmitforapproval}) with no lock or transaction
 * held, complete (answer and status in one transaction when the order is unchanged, settling the hold). So another
 * order cannot take the stock (or balance, or redemption) a submit in flight holds: it is refused before its own
 * middleware call, and the complete step never fails for stock.
 *
 * <p><b>Failures.</b> A refused check or effect changes nothing. If the integration call fails, the hold is given back:
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
    private final SubmitHolds holds;
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
        this.holds = new SubmitHolds(ctx, accounts);
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
            OrderState next = submitted(caller, s.withReservation(null), holding).withPayments(new SubmitEffects(ctx, accounts).apply(s));
            return Mutation.commit(next, next);
        });
    }

    /** What the reserve step decided: the reservation and the submitted state (effects applied) the middleware is shown. */
    private record Prepared(CheckoutReservation held, OrderState next, CheckoutEventType type) {}

    /**
     * Reserve (checks; the reservation, the effects and their {@link SubmitHolds hold} commit together), call the
     * middleware with no transaction held, then complete: answer and status commit with the hold settled when the order
     * is unchanged; a refused or failed call gives the hold back.
     */
    private OrderState submitThroughIntegration(Caller caller, Direction direction, String orderID, IntegrationEndpoint ep, String accessToken) {
        Prepared p;
        try {
            p = reserve(caller, direction, orderID, ep);
        } catch (io.orderhooks.core.error.OrderCloudException refused) {
            // stock, a balance or a redemption may be held by submits whose reservation expired: give those back, retry once
            if (refused.status() != 400 || holds.releaseExpired() == 0) {
                throw refused;
            }
            p = reserve(caller, direction, orderID, ep);
        }
        String key = orderID + "/" + p.type().suffix() + "/" + p.next().submitGeneration();
        try {
            if (p.type() == CheckoutEventType.ORDER_SUBMIT) {
                var r = invoker.call(p.type(), ep, p.next().worksheet(), accessToken, key, OrderSubmitResponse.class);
                return complete(orderID, p, r, s -> s.withSubmitResponse(r.response()));
            }
            var r = invoker.call(p.type(), ep, p.next().worksheet(), accessToken, key, OrderSubmitForApprovalResponse.class);
            return complete(orderID, p, r, s -> s.withSubmitForApprovalResponse(r.response()));
        } catch (RuntimeException failed) {
            // anything but a committed answer: the hold (if still there) goes back now rather than at expiry
            releaseQuietly(orderID, p.held(), failed);
            throw failed;
        }
    }

    /**
     * The reserve step: checks, then the reservation, the effects and their hold commit together. A reservation the
     * order still carries has expired (an active one is refused): its hold, if not given back yet, goes back first.
     */
    private Prepared reserve(Caller caller, Direction direction, String orderID, IntegrationEndpoint ep) {
        return ctx.store().withOrder(orderID, s -> {
            List<ApprovalRule> holding = checked(caller, direction, s, ep);
            if (s.reservation() != null) {
                holds.giveBack(orderID, s.reservation().id());
            }
            CheckoutEventType type = holding.isEmpty() ? CheckoutEventType.ORDER_SUBMIT : CheckoutEventType.ORDER_SUBMIT_FOR_APPROVAL;
            CheckoutReservation held = hold.reservationFor(s, type);
            OrderState next = submitted(caller, s.withReservation(null), holding).withPayments(new SubmitEffects(ctx, accounts).apply(s));
            holds.record(held, next);
            return Mutation.commit(s.withReservation(held), new Prepared(held, next, type));
        });
    }

    /**
     * The complete step. A failed call records its answer on the unsubmitted order, gives the hold back and raises the
     * call's error; a successful one commits answer and status and settles the hold, in one transaction. Refused
     * ({@code Order.ChangedDuringIntegrationEvent}) when the reservation expired meanwhile.
     */
    private OrderState complete(String orderID, Prepared p, CheckoutInvoker.Result<?> r, java.util.function.UnaryOperator<OrderState> answered) {
        if (!r.succeeded()) {
            return hold.complete(orderID, p.held(), s -> {
                holds.giveBack(orderID, p.held().id());
                return Mutation.commitThenFail(answered.apply(s.withReservation(null)), CheckoutInvoker.failure(p.type(), r));
            });
        }
        return hold.complete(orderID, p.held(), s -> {
            holds.settle(orderID, p.held());
            OrderState next = answered.apply(p.next());
            return Mutation.commit(next, next);
        });
    }

    /** Gives back the hold of {@code held} if it is still there; a failure of that is added to {@code cause}. */
    private void releaseQuietly(String orderID, CheckoutReservation held, RuntimeException cause) {
        try {
            holds.release(orderID, held.id());
        } catch (RuntimeException e) {
            if (e != cause) {
                cause.addSuppressed(e);
            }
        }
    }

    /**
     * Gives back the effects held by submits whose reservation expired (see {@link SubmitHolds#releaseExpired}); the
     * engine runs it on a schedule, and a submit through the integration refused for stock, a balance or a redemption
     * runs it before trying once more. Returns how many.
     */
    public int releaseExpiredHolds() {
        return holds.releaseExpired();
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
