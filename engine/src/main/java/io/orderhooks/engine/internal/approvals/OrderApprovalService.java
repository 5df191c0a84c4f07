package io.orderhooks.engine.internal.approvals;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.catalog.ProductAccess;
import io.orderhooks.engine.internal.checkout.CheckoutHold;
import io.orderhooks.engine.internal.checkout.CheckoutInvoker;
import io.orderhooks.engine.internal.orders.CheckoutReservation;
import io.orderhooks.engine.internal.checkout.SubmitEffects;
import io.orderhooks.engine.internal.integrations.IntegrationService;
import io.orderhooks.engine.internal.orders.Direction;
import io.orderhooks.engine.internal.orders.OrderAccess;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.orgs.OrgService;
import io.orderhooks.engine.internal.orgs.SpendingAccountService;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.ApprovalRule;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderApproval;
import io.orderhooks.core.model.OrderApprovalInfo;
import io.orderhooks.core.model.OrderApprovedResponse;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.User;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.engine.spi.IntegrationEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Approving and declining orders that await approval ({@code POST orders/{direction}/{id}/approve|decline}).
 *
 * <p>Only an {@code AwaitingApproval} order ({@code Order.MustBeAwaitingApproval}); only by a buyer user in the
 * approving group of a pending approval, or the seller with {@code OrderAdmin} (who acts on every pending approval);
 * anyone else gets 403 {@code Order.NotEligibleToApprove}. Approve closes the caller's pending approvals; when none is
 * pending any more the {@link ApprovalPolicy} is asked again with the updated history, and rules that now hold and
 * have not been through this submission become new pending approvals (so {@code order.approved('r1')} chains).
 * When none holds the order becomes {@code Open} with {@code DateApproved} and {@code /orderapproved} is called;
 * if that call fails the order is left exactly as before (approvals still pending) except the failed
 * {@code OrderApprovedResponse}, and the caller gets the {@link CheckoutInvoker#failure} error. Decline closes every
 * pending approval as {@code Declined}, gives back inventory and spending-account debits, and sets {@code Declined}
 * (or, with {@code AllowResubmit}, {@code Unsubmitted} so the buyer can submit again) with {@code DateDeclined}.
 * Every change runs under the order's lock; {@code /orderapproved} is called with no lock or transaction held, under a
 * {@link CheckoutReservation} (see {@link CheckoutHold}); thread-safe.
 */
public final class OrderApprovalService {

    private final EngineContext ctx;
    private final OrderAccess access;
    private final ApprovalPolicy policy;
    private final IntegrationService integrations;
    private final SpendingAccountService accounts;
    private final OrgService orgs;
    private final CheckoutInvoker invoker;
    private final CheckoutHold hold;
    private final BiConsumer<Caller, OrderState> afterApproved;

    public OrderApprovalService(EngineContext ctx, ApprovalPolicy policy, IntegrationService integrations, SpendingAccountService accounts,
            OrgService orgs, BiConsumer<Caller, OrderState> afterApproved) {
        this.ctx = ctx;
        this.access = new OrderAccess(ctx);
        this.policy = policy;
        this.integrations = integrations;
        this.accounts = accounts;
        this.orgs = orgs;
        this.invoker = new CheckoutInvoker(ctx);
        this.hold = new CheckoutHold(ctx);
        this.afterApproved = afterApproved;
    }

    public Order approve(Caller caller, Direction direction, String orderID, OrderApprovalInfo info, String accessToken) {
        IntegrationEndpoint ep = integrations.checkoutEndpoint(caller.clientID()).orElse(null);
        Decided d = ctx.store().withOrder(orderID, s -> {
            OrderState next = approved(caller, direction, s, info);
            if (next.order().status() != OrderStatus.Open || ep == null) {
                return Mutation.commit(next, new Decided(next, null));
            }
            CheckoutReservation held = hold.reservationFor(s, CheckoutEventType.ORDER_APPROVED);
            return Mutation.commit(s.withReservation(held), new Decided(next.withReservation(null), held));
        });
        OrderState done = d.held() == null ? d.next() : callApproved(orderID, d, ep, accessToken);
        if (done.order().status() == OrderStatus.Open) {
            afterApproved.accept(caller, done);
        }
        return done.order();
    }

    /** What the approval decided, and the reservation held while {@code /orderapproved} runs (null: no call). */
    private record Decided(OrderState next, CheckoutReservation held) {}

    /** Closes the caller's approvals; adds newly holding rules, or opens the order when none holds it. */
    private OrderState approved(Caller caller, Direction direction, OrderState s, OrderApprovalInfo info) {
        List<OrderApproval> mine = eligible(caller, direction, s);
        OrderState next = s.withApprovals(close(s, mine, "Approved", caller, info, false))
                .withOrder(s.order().toBuilder().lastUpdated(ctx.now()).build());
        if (next.approvals().stream().anyMatch(OrderApprovalService::pending)) {
            return next;
        }
        List<ApprovalRule> more = newlyHolding(next);
        if (!more.isEmpty()) {
            List<OrderApproval> approvals = new ArrayList<>(next.approvals());
            more.forEach(r -> approvals.add(new OrderApproval(false, r.id(), r.approvingGroupID(), "Pending", ctx.now(), null, null, null)));
            return next.withApprovals(approvals);
        }
        return next.withOrder(next.order().toBuilder().status(OrderStatus.Open).dateApproved(ctx.now()).build());
    }

    /**
     * Calls {@code /orderapproved} with no transaction held; commits the approval with the answer when the order is
     * still as reserved, or records the failed answer on the order as it was and raises the call's error.
     */
    private OrderState callApproved(String orderID, Decided d, IntegrationEndpoint ep, String accessToken) {
        var r = invoker.call(CheckoutEventType.ORDER_APPROVED, ep, d.next().worksheet(), accessToken,
                orderID + "/orderapproved/" + d.next().submitGeneration(), OrderApprovedResponse.class);
        return hold.complete(orderID, d.held(), s -> r.succeeded()
                ? Mutation.commit(d.next().withApprovedResponse(r.response()), d.next().withApprovedResponse(r.response()))
                : Mutation.commitThenFail(s.withReservation(null).withApprovedResponse(r.response()),
                        CheckoutInvoker.failure(CheckoutEventType.ORDER_APPROVED, r)));
    }

    public Order decline(Caller caller, Direction direction, String orderID, OrderApprovalInfo info) {
        boolean resubmit = info != null && Boolean.TRUE.equals(info.allowResubmit());
        OrderState done = ctx.store().withOrder(orderID, s -> {
            eligible(caller, direction, s);
            List<OrderApproval> pending = s.approvals().stream().filter(OrderApprovalService::pending).toList();
            Order.Builder o = s.order().toBuilder().dateDeclined(ctx.now()).lastUpdated(ctx.now());
            if (resubmit) {
                o.status(OrderStatus.Unsubmitted).isSubmitted(false).dateSubmitted(null);
            } else {
                o.status(OrderStatus.Declined);
            }
            OrderState next = s.withApprovals(close(s, pending, "Declined", caller, info, resubmit))
                    .withPayments(SubmitEffects.release(ctx, accounts, s)).withOrder(o.build());
            return Mutation.commit(next, next);
        });
        return done.order();
    }

    /** Every approval the order went through or awaits, oldest first. */
    public List<OrderApproval> listApprovals(Caller caller, Direction direction, String orderID) {
        return access.load(caller, direction, orderID).approvals();
    }

    /**
     * The users of the approving groups of the order's pending approvals (none unless it awaits approval): buyer
     * users for the buyer's rules, marketplace-owner users for the marketplace's rules.
     */
    public List<User> eligibleApprovers(Caller caller, Direction direction, String orderID) {
        OrderState s = access.load(caller, direction, orderID);
        if (s.order().status() != OrderStatus.AwaitingApproval) {
            return List.of();
        }
        String buyer = s.order().fromCompanyID();
        String seller = ctx.config().sellerOrgID();
        return s.approvals().stream().filter(OrderApprovalService::pending)
                .map(a -> Table.key(ApprovalRuleService.isBuyerRule(ctx, buyer, a.approvalRuleID()) ? buyer : seller, a.approvingGroupID()))
                .distinct().flatMap(g -> ctx.store().table(Tables.USER_GROUP_ASSIGNMENTS).listWithPrefix(g + "/").stream()
                        .map(a -> orgs.findUser(g.substring(0, g.indexOf('/')), a.userID())))
                .flatMap(java.util.Optional::stream).distinct().toList();
    }

    /**
     * The pending approvals the caller may act on; refuses with 404, MustBeAwaitingApproval or NotEligibleToApprove.
     * A buyer user acts on its buyer's rules when in the approving group. A marketplace-owner user with
     * {@code OrderAdmin} acts on the buyer's rules, and on the marketplace's rules only when in their approving
     * admin user group ({@code v1/usergroups}).
     */
    private List<OrderApproval> eligible(Caller caller, Direction direction, OrderState s) {
        if (!access.canSee(caller, s, direction)) {
            throw Errors.notFound("Order", s.id());
        }
        if (s.order().status() != OrderStatus.AwaitingApproval) {
            throw Errors.bad("Order.MustBeAwaitingApproval", "Cannot process order with given status. Order status must be AwaitingApproval. Order "
                    + s.id() + " is " + s.order().status() + ".");
        }
        List<OrderApproval> pending = s.approvals().stream().filter(OrderApprovalService::pending).toList();
        List<OrderApproval> mine;
        if (caller.isSeller()) {
            Set<String> groups = new ProductAccess(ctx).groupsOf(caller.companyID(), caller.userID());
            mine = !caller.hasRole("OrderAdmin") ? List.of() : pending.stream()
                    .filter(a -> ApprovalRuleService.isBuyerRule(ctx, s.order().fromCompanyID(), a.approvalRuleID())
                            || groups.contains(a.approvingGroupID())).toList();
        } else if (caller.isBuyer()) {
            Set<String> groups = new ProductAccess(ctx).groupsOf(caller.companyID(), caller.userID());
            mine = pending.stream().filter(a -> groups.contains(a.approvingGroupID())
                    && ApprovalRuleService.isBuyerRule(ctx, caller.companyID(), a.approvalRuleID())).toList();
        } else {
            mine = List.of();
        }
        if (mine.isEmpty()) {
            throw new OrderCloudException(403, "Order.NotEligibleToApprove", "You are not eligible to approve this order.");
        }
        return mine;
    }

    private List<OrderApproval> close(OrderState s, List<OrderApproval> which, String status, Caller caller, OrderApprovalInfo info, boolean resubmit) {
        User approver = orgs.findUser(caller.companyID(), caller.userID())
                .orElseGet(() -> User.builder().id(caller.userID()).companyID(caller.companyID()).build());
        String comments = info == null ? null : info.comments();
        return s.approvals().stream().map(a -> which.contains(a)
                ? a.toBuilder().status(status).approver(approver).comments(comments).dateCompleted(ctx.now()).allowResubmit(resubmit).build()
                : a).toList();
    }

    /** Rules the policy holds now that have not been through the current submission. */
    private List<ApprovalRule> newlyHolding(OrderState s) {
        List<ApprovalRule> rules = ApprovalRuleService.rulesFor(ctx, s.order());
        List<OrderApproval> current = s.approvals().stream()
                .filter(a -> s.order().dateSubmitted() == null || !a.dateCreated().isBefore(s.order().dateSubmitted())).toList();
        return policy.holding(s.worksheet(), rules, s.approvals()).stream()
                .filter(r -> current.stream().noneMatch(a -> r.id().equals(a.approvalRuleID()))).toList();
    }

    private static boolean pending(OrderApproval a) {
        return "Pending".equals(a.status());
    }
}
