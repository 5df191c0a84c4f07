package io.orderhooks.engine.internal.checkout;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.approvals.ApprovalPolicy;
import io.orderhooks.engine.internal.integrations.IntegrationService;
import io.orderhooks.engine.internal.orders.Direction;
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
 * Submit. Under the order's lock: run every {@link SubmitCheck} (built-in first, then the extra ones);
 * ask the {@link ApprovalPolicy} which rules hold the order; take inventory and debit spending accounts;
 * call {@code /ordersubmit} (or {@code /ordersubmitforapproval}) when the caller's API client has a checkout
 * integration; then commit the order as {@code Open} (or {@code AwaitingApproval} with pending approvals).
 *
 * <p><b>Failures.</b> A refused check changes nothing. If the integration call fails the effects are undone,
 * the failed answer is recorded in the worksheet, the order stays {@code Unsubmitted} and the caller gets the
 * {@link CheckoutInvoker#failure} error; a retry re-sends with the same idempotency key
 * ({@code {orderID}/ordersubmit/{n}}). Two concurrent submits of one order: the second sees a non-Unsubmitted
 * order and gets {@code Order.CannotSubmitBadStatus}.
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
        this.afterSubmit = afterSubmit;
    }

    public Order submit(Caller caller, Direction direction, String orderID, String accessToken) {
        IntegrationEndpoint ep = integrations.checkoutEndpoint(caller.clientID()).orElse(null);
        OrderState done = ctx.store().withOrder(orderID, s -> {
            access.requireModify(caller, direction, s);
            SubmitCheck.Context c = new SubmitCheck.Context(caller, s, ep, ctx.now());
            checks.forEach(check -> check.check(c));
            List<ApprovalRule> holding = approvalPolicy.holding(s.worksheet(), rulesOf(s), s.approvals());
            SubmitEffects effects = new SubmitEffects(ctx, accounts);
            List<Payment> payments = effects.apply(s);
            OrderState next = submitted(caller, s, holding).withPayments(payments);
            if (ep != null) {
                int gen = s.submitGeneration() + 1;
                if (holding.isEmpty()) {
                    var r = invoker.call(CheckoutEventType.ORDER_SUBMIT, ep, next.worksheet(), accessToken,
                            orderID + "/ordersubmit/" + gen, OrderSubmitResponse.class);
                    if (!r.succeeded()) {
                        effects.rollback();
                        return Mutation.commitThenFail(s.withSubmitResponse(r.response()), CheckoutInvoker.failure(CheckoutEventType.ORDER_SUBMIT, r));
                    }
                    next = next.withSubmitResponse(r.response());
                } else {
                    var r = invoker.call(CheckoutEventType.ORDER_SUBMIT_FOR_APPROVAL, ep, next.worksheet(), accessToken,
                            orderID + "/ordersubmitforapproval/" + gen, OrderSubmitForApprovalResponse.class);
                    if (!r.succeeded()) {
                        effects.rollback();
                        return Mutation.commitThenFail(s.withSubmitForApprovalResponse(r.response()),
                                CheckoutInvoker.failure(CheckoutEventType.ORDER_SUBMIT_FOR_APPROVAL, r));
                    }
                    next = next.withSubmitForApprovalResponse(r.response());
                }
            }
            return Mutation.commit(next, next);
        });
        if (done.order().status() == OrderStatus.Open) {
            afterSubmit.accept(caller, done);
        }
        return done.order();
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
