package io.orderhooks.engine.internal.returns;

import io.orderhooks.core.model.ApprovalRule;
import io.orderhooks.core.model.OrderApprovalInfo;
import io.orderhooks.core.model.OrderReturn;
import io.orderhooks.core.model.OrderReturnApproval;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.SellerApprovalRule;
import io.orderhooks.core.model.User;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.approvals.ApprovalPolicy;
import io.orderhooks.engine.internal.catalog.ProductAccess;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.orgs.OrgService;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Approval of order returns by the marketplace's approval rules of {@code ApprovalType} {@code OrderReturn}
 * ({@code v1/approvalrules}, owned by the order's seller), with the same {@link ApprovalPolicy} as orders (see
 * {@code ExpressionApprovalPolicy#holdingReturn} for what an expression reads). A return is held at submit by every
 * rule that holds it; it is approved by a marketplace-owner user with {@code OrderAdmin} in the rule's approving
 * admin user group (anyone else: 403 {@code OrderReturn.NotEligibleToApprove}); when none is pending, rules that
 * newly hold become pending, else the return is {@code Open} with {@code DateApproved}. Decline closes every pending
 * approval and sets {@code Declined}. Thread-safe.
 */
public final class ReturnApprovalService {

    private final EngineContext ctx;
    private final Returns returns;
    private final ApprovalPolicy policy;
    private final OrgService orgs;

    public ReturnApprovalService(EngineContext ctx, ApprovalPolicy policy, OrgService orgs) {
        this.ctx = ctx;
        this.returns = new Returns(ctx);
        this.policy = policy;
        this.orgs = orgs;
    }

    public OrderReturn approve(Caller caller, String returnID, OrderApprovalInfo info) {
        return returns.change(returnID, (r, s) -> {
            List<OrderReturnApproval> mine = eligible(caller, r, s);
            List<OrderReturnApproval> closed = close(r, mine, "Approved", caller, info);
            OrderReturn ret = r.ret().withDates(null, null, null, null, null, ctx.now());
            if (closed.stream().anyMatch(ReturnApprovalService::pending)) {
                return Returns.Changed.of(r.with(ret, closed));
            }
            List<OrderReturnApproval> more = held(r.with(ret, closed), s);
            if (!more.isEmpty()) {
                List<OrderReturnApproval> all = new ArrayList<>(closed);
                all.addAll(more);
                return Returns.Changed.of(r.with(ret, all));
            }
            return Returns.Changed.of(r.with(ret.withStatus(OrderStatus.Open).withDates(null, ctx.now(), null, null, null, null), closed));
        }).ret();
    }

    public OrderReturn decline(Caller caller, String returnID, OrderApprovalInfo info) {
        return returns.change(returnID, (r, s) -> {
            eligible(caller, r, s);
            List<OrderReturnApproval> closed = close(r, r.approvals().stream().filter(ReturnApprovalService::pending).toList(),
                    "Declined", caller, info);
            OrderReturn ret = r.ret().withStatus(OrderStatus.Declined).withDates(null, null, ctx.now(), null, null, ctx.now());
            return Returns.Changed.of(r.with(ret, closed));
        }).ret();
    }

    /** Every approval the return went through or awaits, oldest first. */
    public List<OrderReturnApproval> listApprovals(Caller caller, String returnID) {
        return returns.load(caller, returnID).ret().approvals();
    }

    /** The marketplace-owner users of the approving groups of the return's pending approvals. */
    public List<User> eligibleApprovers(Caller caller, String returnID) {
        ReturnState r = returns.load(caller, returnID).ret();
        String seller = ctx.config().sellerOrgID();
        return r.approvals().stream().filter(ReturnApprovalService::pending).map(a -> Table.key(seller, a.approvingGroupID()))
                .distinct().flatMap(g -> ctx.store().table(Tables.USER_GROUP_ASSIGNMENTS).listWithPrefix(g + "/").stream())
                .map(a -> orgs.findUser(seller, a.userID())).flatMap(Optional::stream).distinct().toList();
    }

    /**
     * The approvals that newly hold {@code r} (rules that hold it and have no approval in its current submission),
     * as pending approvals created now.
     */
    List<OrderReturnApproval> held(ReturnState r, OrderState s) {
        List<ApprovalRule> rules = ctx.store().table(Tables.SELLER_APPROVAL_RULES).list().stream()
                .filter(x -> "OrderReturn".equals(x.approvalType()) && x.ownerID().equals(s.order().toCompanyID()))
                .map(SellerApprovalRule::asApprovalRule).toList();
        if (rules.isEmpty()) {
            return List.of();
        }
        List<OrderReturnApproval> current = r.approvals().stream().filter(a -> r.ret().dateSubmitted() == null
                || !a.dateCreated().isBefore(r.ret().dateSubmitted())).toList();
        return policy.holdingReturn(r.ret(), s.worksheet(), rules, r.approvals().stream().map(OrderReturnApproval::asOrderApproval).toList())
                .stream().filter(rule -> current.stream().noneMatch(a -> rule.id().equals(a.approvalRuleID())))
                .map(rule -> new OrderReturnApproval(r.id(), rule.id(), rule.approvingGroupID(), "Pending", ctx.now(), null, null, null))
                .toList();
    }

    /** Whether the caller may act on a pending approval of {@code r} (for {@code approvable} lists). */
    static boolean mayApprove(EngineContext ctx, Caller caller, ReturnState r) {
        if (r.ret().status() != OrderStatus.AwaitingApproval || !caller.isSeller() || !caller.hasRole("OrderAdmin")) {
            return false;
        }
        Set<String> groups = new ProductAccess(ctx).groupsOf(caller.companyID(), caller.userID());
        return r.approvals().stream().anyMatch(a -> pending(a) && groups.contains(a.approvingGroupID()));
    }

    private List<OrderReturnApproval> eligible(Caller caller, ReturnState r, OrderState s) {
        if (!returns.access().canSee(caller, r, s)) {
            throw io.orderhooks.engine.internal.Errors.notFound("OrderReturn", r.id());
        }
        Returns.requireStatus(r, "approve or decline", OrderStatus.AwaitingApproval);
        Set<String> groups = caller.isSeller() && caller.hasRole("OrderAdmin")
                ? new ProductAccess(ctx).groupsOf(caller.companyID(), caller.userID()) : Set.of();
        List<OrderReturnApproval> mine = r.approvals().stream().filter(a -> pending(a) && groups.contains(a.approvingGroupID())).toList();
        if (mine.isEmpty()) {
            throw new OrderCloudException(403, "OrderReturn.NotEligibleToApprove", "You are not eligible to approve this order return.");
        }
        return mine;
    }

    private List<OrderReturnApproval> close(ReturnState r, List<OrderReturnApproval> which, String status, Caller caller, OrderApprovalInfo info) {
        User approver = orgs.findUser(caller.companyID(), caller.userID())
                .orElseGet(() -> User.builder().id(caller.userID()).companyID(caller.companyID()).build());
        String comments = info == null ? null : info.comments();
        return r.approvals().stream().map(a -> which.contains(a) ? a.closed(status, ctx.now(), approver, comments) : a).toList();
    }

    private static boolean pending(OrderReturnApproval a) {
        return "Pending".equals(a.status());
    }
}
