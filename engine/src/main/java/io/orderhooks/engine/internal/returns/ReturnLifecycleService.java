package io.orderhooks.engine.internal.returns;

import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.core.model.OrderReturn;
import io.orderhooks.core.model.OrderReturnApproval;
import io.orderhooks.core.model.OrderReturnItem;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.checkout.CheckoutInvoker;
import io.orderhooks.engine.internal.integrations.IntegrationService;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.orgs.SpendingAccountService;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.spi.IntegrationEndpoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Submitting, cancelling and completing order returns.
 *
 * <p><b>Submit</b> ({@code Unsubmitted} only, with at least one item: {@code OrderReturn.NoItems}): when the caller's
 * API client has an {@code OrderReturnIntegrationEventID}, {@code /calculateorderreturn} is called first, <em>outside</em>
 * the order's lock, with the return and its order's worksheet; its refunds replace the computed ones. Then, in a
 * short lock, the return must still be at the revision that was sent (409 {@code OrderReturn.ChangedDuringCalculation}),
 * its items are checked again, and the {@code OrderReturn} approval rules decide: {@code AwaitingApproval} with
 * pending approvals, or {@code Open}. A failed call leaves the return unsubmitted, records the answer, and is
 * refused with the integration error ({@code IntegrationEvent.BadRequest|Timeout|Unavailable}).
 *
 * <p><b>Cancel</b>: {@code Unsubmitted}, {@code AwaitingApproval} or {@code Open} become {@code Canceled}.
 * <b>Complete</b> (marketplace owner only): {@code Open} becomes {@code Completed} and the refund is recorded on the
 * order's payments ({@link ReturnRefunds}), their IDs in {@code PaymentIDs}. Thread-safe.
 */
public final class ReturnLifecycleService {

    private final EngineContext ctx;
    private final Returns returns;
    private final IntegrationService integrations;
    private final SpendingAccountService accounts;
    private final ReturnApprovalService approvals;
    private final ReturnCalculator calculator;

    public ReturnLifecycleService(EngineContext ctx, IntegrationService integrations, SpendingAccountService accounts,
            ReturnApprovalService approvals) {
        this.ctx = ctx;
        this.returns = new Returns(ctx);
        this.integrations = integrations;
        this.accounts = accounts;
        this.approvals = approvals;
        this.calculator = new ReturnCalculator(ctx);
    }

    public OrderReturn submit(Caller caller, String returnID, String accessToken) {
        Returns.Loaded seen = returns.load(caller, returnID);
        returns.access().requireModify(caller, seen.ret(), seen.order());
        requireSubmittable(seen.ret());
        IntegrationEndpoint ep = integrations.returnEndpoint(caller.clientID()).orElse(null);
        ReturnCalculator.Result calc = ep == null ? null : calculator.calculate(ep, seen.order().worksheet(), seen.ret(), accessToken);
        ReturnState first = seen.ret();
        return ctx.store().withOrder(first.ret().orderID(), s -> {
            ReturnState r = returns.table().find(returnID).orElseThrow(() -> Errors.notFound("OrderReturn", returnID));
            if (r.revision() != first.revision()) {
                throw new OrderCloudException(409, "OrderReturn.ChangedDuringCalculation", "Order return " + returnID
                        + " changed while its integration event was called; submit it again.");
            }
            returns.access().requireModify(caller, r, s);
            requireSubmittable(r);
            ReturnItems.requireReturnableOrder(s);
            if (calc != null && !calc.succeeded()) {
                returns.table().put(returnID, r.withCalculation(calc.response()));
                return Mutation.commitThenFail(null, CheckoutInvoker.failure(CheckoutEventType.ORDER_RETURN_CALCULATE, calc.raw()));
            }
            returns.table().put(returnID, submitted(caller, r, s, calc));
            return Mutation.unchanged(returns.table().find(returnID).orElseThrow().ret());
        });
    }

    public OrderReturn cancel(Caller caller, String returnID) {
        return returns.change(returnID, (r, s) -> {
            returns.access().requireModify(caller, r, s);
            Returns.requireStatus(r, "cancel", OrderStatus.Unsubmitted, OrderStatus.AwaitingApproval, OrderStatus.Open);
            return Returns.Changed.of(r.with(r.ret().withStatus(OrderStatus.Canceled).withDates(null, null, null, ctx.now(), null, ctx.now())));
        }).ret();
    }

    public OrderReturn complete(Caller caller, String returnID) {
        return returns.change(returnID, (r, s) -> {
            returns.access().requireModify(caller, r, s);
            Errors.requireSeller(caller);
            Returns.requireStatus(r, "complete", OrderStatus.Open);
            ReturnRefunds.Outcome refunds = ReturnRefunds.refund(ctx, accounts, s, r);
            OrderReturn ret = r.ret().withStatus(OrderStatus.Completed).withPaymentIDs(refunds.refundedIDs())
                    .withDates(null, null, null, null, ctx.now(), ctx.now());
            OrderState next = s.withPayments(refunds.payments());
            return new Returns.Changed(r.with(ret), next);
        }).ret();
    }

    private ReturnState submitted(Caller caller, ReturnState r, OrderState s, ReturnCalculator.Result calc) {
        List<OrderReturnItem> items = ReturnItems.check(s, r.ret().itemsToReturn(), returns.others(s.id(), r.id()), true);
        BigDecimal refund = ReturnItems.total(items);
        if (calc != null) {
            items = calc.items();
            refund = calc.refund();
        }
        OrderReturn ret = r.ret().withItems(items, refund).withDates(ctx.now(), null, null, null, null, ctx.now());
        ReturnState candidate = new ReturnState(ret, r.approvals(), r.fromCompanyID(), r.fromUserID(), r.clientID(),
                r.revision(), calc == null ? r.calculation() : calc.response());
        List<OrderReturnApproval> held = approvals.held(candidate, s);
        if (held.isEmpty()) {
            return candidate.with(ret.withStatus(OrderStatus.Open));
        }
        List<OrderReturnApproval> all = new ArrayList<>(r.approvals());
        all.addAll(held);
        return candidate.with(ret.withStatus(OrderStatus.AwaitingApproval), all);
    }

    private static void requireSubmittable(ReturnState r) {
        Returns.requireStatus(r, "submit", OrderStatus.Unsubmitted);
        if (r.ret().itemsToReturn() == null || r.ret().itemsToReturn().isEmpty()) {
            throw Errors.bad("OrderReturn.NoItems", "Order return " + r.id() + " has no items to return.", Map.of("OrderReturnID", r.id()));
        }
    }
}
