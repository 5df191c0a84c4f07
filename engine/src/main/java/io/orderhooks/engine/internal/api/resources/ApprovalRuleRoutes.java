package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.approvals.ApprovalRuleService;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.ApprovalRule;
import io.orderhooks.core.model.SellerApprovalRule;
import java.util.Set;

/**
 * Approval rules: a buyer's ({@code v1/buyers/{buyerID}/approvalrules}) and the marketplace's
 * ({@code v1/approvalrules}, OrderCloud's SellerApprovalRules: they hold every buyer's orders). ApprovalRuleAdmin /
 * ApprovalRuleReader.
 */
public final class ApprovalRuleRoutes {

    static final Set<String> RULE_READ = roles("ApprovalRuleReader", "ApprovalRuleAdmin");
    static final Set<String> RULE_ADMIN = roles("ApprovalRuleAdmin");

    private ApprovalRuleRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        registerBuyerRules(t, ctx, ctx.engine().approvalRules());
        registerSellerRules(t, ctx, ctx.engine().approvalRules());
    }

    private static void registerSellerRules(RouteTable t, ApiContext ctx, ApprovalRuleService rules) {
        String base = "v1/approvalrules";
        t.get(base, RULE_READ, r -> ctx.list(r, rules.listSeller(ctx.caller(r)), SellerApprovalRule.class));
        t.post(base, 201, RULE_ADMIN, r -> {
            SellerApprovalRule body = ctx.body(r, SellerApprovalRule.class);
            Creates.requireNew(ctx, Tables.SELLER_APPROVAL_RULES, body.id(), "ApprovalRule");
            return rules.saveSeller(ctx.caller(r), body, true);
        });
        t.get(base + "/{approvalRuleID}", RULE_READ, r -> rules.getSeller(ctx.caller(r), r.param("approvalRuleID")));
        t.put(base + "/{approvalRuleID}", RULE_ADMIN, r -> {
            SellerApprovalRule body = ctx.body(r, SellerApprovalRule.class);
            Ids.requireSame(body.id(), r.param("approvalRuleID"));
            return rules.saveSeller(ctx.caller(r), body.with(r.param("approvalRuleID"), body.ownerID()));
        });
        t.patch(base + "/{approvalRuleID}", RULE_ADMIN, r -> {
            Caller c = ctx.caller(r);
            SellerApprovalRule merged = ctx.patch(r, rules.getSeller(c, r.param("approvalRuleID")), SellerApprovalRule.class);
            Ids.requireSame(merged.id(), r.param("approvalRuleID"));
            return rules.saveSeller(c, merged);
        });
        t.delete(base + "/{approvalRuleID}", RULE_ADMIN, r -> {
            rules.deleteSeller(ctx.caller(r), r.param("approvalRuleID"));
            return null;
        });
    }

    private static void registerBuyerRules(RouteTable t, ApiContext ctx, ApprovalRuleService rules) {
        String base = "v1/buyers/{buyerID}/approvalrules";
        t.get(base, RULE_READ, r -> ctx.list(r, rules.list(ctx.caller(r), r.param("buyerID")), ApprovalRule.class));
        t.post(base, 201, RULE_ADMIN, r -> {
            ApprovalRule body = ctx.body(r, ApprovalRule.class);
            return rules.save(ctx.caller(r), r.param("buyerID"), body, true);
        });
        t.get(base + "/{approvalRuleID}", RULE_READ, r -> find(ctx, rules, ctx.caller(r), r.param("buyerID"), r.param("approvalRuleID"), true));
        t.put(base + "/{approvalRuleID}", RULE_ADMIN, r -> {
            ApprovalRule body = ctx.body(r, ApprovalRule.class);
            Ids.requireSame(body.id(), r.param("approvalRuleID"));
            return rules.save(ctx.caller(r), r.param("buyerID"), withID(body, r.param("approvalRuleID")));
        });
        t.patch(base + "/{approvalRuleID}", RULE_ADMIN, r -> {
            Caller c = ctx.caller(r);
            ApprovalRule merged = ctx.patch(r, find(ctx, rules, c, r.param("buyerID"), r.param("approvalRuleID"), true), ApprovalRule.class);
            Ids.requireSame(merged.id(), r.param("approvalRuleID"));
            return rules.save(c, r.param("buyerID"), merged);
        });
        t.delete(base + "/{approvalRuleID}", RULE_ADMIN, r -> {
            rules.delete(ctx.caller(r), r.param("buyerID"), r.param("approvalRuleID"));
            return null;
        });
    }

    private static ApprovalRule find(ApiContext ctx, ApprovalRuleService rules, Caller c, String buyerID, String id, boolean required) {
        ApprovalRule found = rules.list(c, buyerID).stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
        if (found == null && required) {
            throw Errors.notFound("ApprovalRule", id);
        }
        return found;
    }

    private static ApprovalRule withID(ApprovalRule r, String id) {
        return new ApprovalRule(id, r.name(), r.description(), r.approvingGroupID(), r.ruleExpression(), r.xp());
    }
}
