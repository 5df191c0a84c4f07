package io.orderhooks.core.engine.approvals;

import io.orderhooks.core.engine.Caller;
import io.orderhooks.core.engine.EngineContext;
import io.orderhooks.core.engine.Errors;
import io.orderhooks.core.engine.orgs.OrgService;
import io.orderhooks.core.engine.store.Table;
import io.orderhooks.core.engine.store.Tables;
import io.orderhooks.core.model.ApprovalRule;
import io.orderhooks.core.model.OrderStatus;
import java.util.List;

/** Approval rules per buyer (seller administration; a buyer reads its own). Thread-safe. */
public final class ApprovalRuleService {

    private final EngineContext ctx;
    private final ApprovalPolicy policy;

    public ApprovalRuleService(EngineContext ctx, ApprovalPolicy policy) {
        this.ctx = ctx;
        this.policy = policy;
    }

    public ApprovalRule save(Caller caller, String buyerID, ApprovalRule r) {
        Errors.requireSeller(caller);
        ctx.store().table(Tables.BUYERS).find(buyerID).orElseThrow(() -> Errors.notFound("Buyer", buyerID));
        if (r.approvingGroupID() == null) {
            throw Errors.required("ApprovingGroupID");
        }
        if (r.ruleExpression() == null || r.ruleExpression().isBlank()) {
            throw Errors.required("RuleExpression");
        }
        ctx.store().table(Tables.USER_GROUPS).find(Table.key(buyerID, r.approvingGroupID()))
                .orElseThrow(() -> Errors.notFound("UserGroup", r.approvingGroupID()));
        policy.validate(r);
        ApprovalRule stored = new ApprovalRule(r.id() == null ? ctx.ids().next() : r.id(), r.name(), r.description(),
                r.approvingGroupID(), r.ruleExpression(), r.xp());
        ctx.store().table(Tables.APPROVAL_RULES).put(Table.key(buyerID, stored.id()), stored);
        return stored;
    }

    public List<ApprovalRule> list(Caller caller, String buyerID) {
        OrgService.requireCompany(caller, buyerID);
        return ctx.store().table(Tables.APPROVAL_RULES).listWithPrefix(buyerID + "/");
    }

    /** Deletes a rule; {@code ApprovalRule.CannotDeleteIfPending} while an order awaits it. */
    public void delete(Caller caller, String buyerID, String ruleID) {
        Errors.requireSeller(caller);
        boolean pending = ctx.store().orders().stream().filter(o -> o.order().status() == OrderStatus.AwaitingApproval)
                .anyMatch(o -> o.approvals().stream().anyMatch(a -> ruleID.equals(a.approvalRuleID()) && "Pending".equals(a.status())));
        if (pending) {
            throw Errors.bad("ApprovalRule.CannotDeleteIfPending", "Cannot delete Approval Rule because it has pending Approvals.");
        }
        if (!ctx.store().table(Tables.APPROVAL_RULES).delete(Table.key(buyerID, ruleID))) {
            throw Errors.notFound("ApprovalRule", ruleID);
        }
    }
}
