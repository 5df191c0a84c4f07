package io.orderhooks.engine.internal.approvals;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.orgs.OrgService;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.ApprovalRule;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.SellerApprovalRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Approval rules: per buyer ({@code v1/buyers/{id}/approvalrules}; seller administration, a buyer reads its own)
 * and marketplace-level ({@code v1/approvalrules}; seller only), which hold every buyer's orders to the
 * marketplace. {@link #rulesFor} is what submit and approve evaluate. Thread-safe.
 */
public final class ApprovalRuleService {

    private final EngineContext ctx;
    private final ApprovalPolicy policy;

    public ApprovalRuleService(EngineContext ctx, ApprovalPolicy policy) {
        this.ctx = ctx;
        this.policy = policy;
    }

    public ApprovalRule save(Caller caller, String buyerID, ApprovalRule r) {
        return save(caller, buyerID, r, false);
    }

    /** {@code create}: a POST — one atomic insert, 409 {@code IdExists} when the ID is taken (also by a racing create). */
    public ApprovalRule save(Caller caller, String buyerID, ApprovalRule r, boolean create) {
        Errors.requireSeller(caller);
        ctx.store().table(Tables.BUYERS).find(buyerID).orElseThrow(() -> Errors.notFound("Buyer", buyerID));
        requireExpression(r.approvingGroupID(), r.ruleExpression());
        ctx.store().table(Tables.USER_GROUPS).find(Table.key(buyerID, r.approvingGroupID()))
                .orElseThrow(() -> Errors.notFound("UserGroup", r.approvingGroupID()));
        policy.validate(r);
        ApprovalRule stored = new ApprovalRule(r.id() == null ? ctx.ids().next() : r.id(), r.name(), r.description(),
                r.approvingGroupID(), r.ruleExpression(), r.xp());
        ctx.store().table(Tables.APPROVAL_RULES).save(Table.key(buyerID, stored.id()), stored, create, "ApprovalRule", stored.id());
        return stored;
    }

    public List<ApprovalRule> list(Caller caller, String buyerID) {
        OrgService.requireCompany(caller, buyerID);
        return ctx.store().table(Tables.APPROVAL_RULES).listWithPrefix(buyerID + "/");
    }

    /** Deletes a rule; {@code ApprovalRule.CannotDeleteIfPending} while an order awaits it. */
    public void delete(Caller caller, String buyerID, String ruleID) {
        Errors.requireSeller(caller);
        requireNotPending(ruleID);
        if (!ctx.store().table(Tables.APPROVAL_RULES).delete(Table.key(buyerID, ruleID))) {
            throw Errors.notFound("ApprovalRule", ruleID);
        }
    }

    /**
     * Creates or replaces a marketplace-level rule. {@code OwnerID} defaults to (and must be) the marketplace;
     * {@code ApprovalType} is required ({@code Order} or {@code OrderReturn}). The approving group must be an admin
     * user group ({@code v1/usergroups}; 404 {@code NotFound} otherwise); its approvals are acted on only by its
     * members, who also need {@code OrderAdmin}.
     */
    public SellerApprovalRule saveSeller(Caller caller, SellerApprovalRule r) {
        return saveSeller(caller, r, false);
    }

    /** {@code create}: a POST — one atomic insert, 409 {@code IdExists} when the ID is taken (also by a racing create). */
    public SellerApprovalRule saveSeller(Caller caller, SellerApprovalRule r, boolean create) {
        Errors.requireSeller(caller);
        String owner = r.ownerID() == null ? ctx.config().sellerOrgID() : r.ownerID();
        if (!owner.equals(ctx.config().sellerOrgID())) {
            throw OrderCloudException.validation("OwnerID must be the marketplace " + ctx.config().sellerOrgID() + ", was " + owner);
        }
        if (r.approvalType() == null) {
            throw Errors.required("ApprovalType");
        }
        if (!List.of("Order", "OrderReturn").contains(r.approvalType())) {
            throw OrderCloudException.validation("ApprovalType must be Order or OrderReturn, was " + r.approvalType());
        }
        requireExpression(r.approvingGroupID(), r.ruleExpression());
        policy.validate(r.asApprovalRule());
        ctx.store().table(Tables.USER_GROUPS).find(Table.key(owner, r.approvingGroupID()))
                .orElseThrow(() -> Errors.notFound("UserGroup", r.approvingGroupID()));
        SellerApprovalRule stored = r.with(r.id() == null ? ctx.ids().next() : r.id(), owner);
        ctx.store().table(Tables.SELLER_APPROVAL_RULES).save(stored.id(), stored, create);
        return stored;
    }

    public List<SellerApprovalRule> listSeller(Caller caller) {
        Errors.requireSeller(caller);
        return ctx.store().table(Tables.SELLER_APPROVAL_RULES).list();
    }

    public SellerApprovalRule getSeller(Caller caller, String ruleID) {
        Errors.requireSeller(caller);
        return ctx.store().table(Tables.SELLER_APPROVAL_RULES).find(ruleID).orElseThrow(() -> Errors.notFound("ApprovalRule", ruleID));
    }

    /** Deletes a marketplace-level rule; {@code ApprovalRule.CannotDeleteIfPending} while an order awaits it. */
    public void deleteSeller(Caller caller, String ruleID) {
        Errors.requireSeller(caller);
        requireNotPending(ruleID);
        if (!ctx.store().table(Tables.SELLER_APPROVAL_RULES).delete(ruleID)) {
            throw Errors.notFound("ApprovalRule", ruleID);
        }
    }

    /** The rules an order is evaluated against: its buyer's, then the marketplace's {@code Order} rules. */
    public static List<ApprovalRule> rulesFor(EngineContext ctx, Order order) {
        List<ApprovalRule> rules = new ArrayList<>(ctx.store().table(Tables.APPROVAL_RULES).listWithPrefix(order.fromCompanyID() + "/"));
        ctx.store().table(Tables.SELLER_APPROVAL_RULES).list().stream()
                .filter(r -> "Order".equals(r.approvalType()) && r.ownerID().equals(order.toCompanyID()))
                .map(SellerApprovalRule::asApprovalRule).forEach(rules::add);
        return rules;
    }

    /** Whether {@code ruleID} is one of {@code buyerID}'s own rules (its approvals may be acted on by the buyer's users). */
    public static boolean isBuyerRule(EngineContext ctx, String buyerID, String ruleID) {
        return ctx.store().table(Tables.APPROVAL_RULES).find(Table.key(buyerID, ruleID)).isPresent();
    }

    private static void requireExpression(String groupID, String expression) {
        if (groupID == null) {
            throw Errors.required("ApprovingGroupID");
        }
        if (expression == null || expression.isBlank()) {
            throw Errors.required("RuleExpression");
        }
    }

    private void requireNotPending(String ruleID) {
        boolean pending = ctx.store().ordersWithStatus(OrderStatus.AwaitingApproval).stream()
                .anyMatch(o -> o.approvals().stream().anyMatch(a -> ruleID.equals(a.approvalRuleID()) && "Pending".equals(a.status())))
                || ctx.store().table(io.orderhooks.engine.internal.returns.ReturnState.TABLE).list().stream()
                        .anyMatch(r -> r.approvals().stream().anyMatch(a -> ruleID.equals(a.approvalRuleID()) && "Pending".equals(a.status())));
        if (pending) {
            throw Errors.bad("ApprovalRule.CannotDeleteIfPending", "Cannot delete Approval Rule because it has pending Approvals.");
        }
    }
}
