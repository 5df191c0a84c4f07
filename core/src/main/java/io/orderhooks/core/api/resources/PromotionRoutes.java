package io.orderhooks.core.api.resources;

import static io.orderhooks.core.api.RouteTable.roles;

import io.orderhooks.core.api.ApiContext;
import io.orderhooks.core.api.RouteTable;
import io.orderhooks.core.engine.Caller;
import io.orderhooks.core.engine.Errors;
import io.orderhooks.core.engine.approvals.ApprovalRuleService;
import io.orderhooks.core.engine.promotions.PromotionAssignments;
import io.orderhooks.core.engine.promotions.PromotionService;
import io.orderhooks.core.engine.store.Tables;
import io.orderhooks.core.model.ApprovalRule;
import io.orderhooks.core.model.Promotion;
import io.orderhooks.core.model.PromotionAssignment;
import java.util.Set;

/**
 * {@code v1/promotions} (+ assignments; PromotionAdmin / PromotionReader) and
 * {@code v1/buyers/{buyerID}/approvalrules} (ApprovalRuleAdmin / ApprovalRuleReader).
 */
public final class PromotionRoutes {

    static final Set<String> READ = roles("PromotionReader", "PromotionAdmin");
    static final Set<String> ADMIN = roles("PromotionAdmin");
    static final Set<String> RULE_READ = roles("ApprovalRuleReader", "ApprovalRuleAdmin");
    static final Set<String> RULE_ADMIN = roles("ApprovalRuleAdmin");

    private PromotionRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        PromotionService promotions = ctx.engine().promotions();
        PromotionAssignments assignments = new PromotionAssignments(ctx.engine().context());
        t.get("v1/promotions", READ, r -> ctx.list(r, promotions.list(ctx.caller(r)), Promotion.class));
        t.post("v1/promotions", 201, ADMIN, r -> {
            Promotion body = ctx.body(r, Promotion.class);
            Creates.requireNew(ctx, Tables.PROMOTIONS, body.id(), "Promotion");
            return promotions.save(ctx.caller(r), body);
        });
        t.get("v1/promotions/{promotionID}", READ, r -> promotions.get(ctx.caller(r), r.param("promotionID")));
        t.put("v1/promotions/{promotionID}", ADMIN, r -> {
            Promotion body = ctx.body(r, Promotion.class);
            Ids.requireSame(body.id(), r.param("promotionID"));
            return promotions.save(ctx.caller(r), body.toBuilder().id(r.param("promotionID")).build());
        });
        t.patch("v1/promotions/{promotionID}", ADMIN, r -> {
            Caller c = ctx.caller(r);
            Promotion merged = ctx.patch(r, promotions.get(c, r.param("promotionID")), Promotion.class);
            Ids.requireSame(merged.id(), r.param("promotionID"));
            return promotions.save(c, merged);
        });
        t.delete("v1/promotions/{promotionID}", ADMIN, r -> {
            promotions.delete(ctx.caller(r), r.param("promotionID"));
            return null;
        });
        t.get("v1/promotions/assignments", READ, r -> ctx.list(r, assignments.list(ctx.caller(r)), PromotionAssignment.class));
        t.post("v1/promotions/assignments", 204, ADMIN, r -> {
            promotions.assign(ctx.caller(r), ctx.body(r, PromotionAssignment.class));
            return null;
        });
        t.delete("v1/promotions/{promotionID}/assignments", ADMIN, r -> {
            assignments.unassign(ctx.caller(r), r.param("promotionID"), r.queryParam("buyerID"), r.queryParam("userGroupID"));
            return null;
        });
        registerApprovalRules(t, ctx, ctx.engine().approvalRules());
    }

    private static void registerApprovalRules(RouteTable t, ApiContext ctx, ApprovalRuleService rules) {
        String base = "v1/buyers/{buyerID}/approvalrules";
        t.get(base, RULE_READ, r -> ctx.list(r, rules.list(ctx.caller(r), r.param("buyerID")), ApprovalRule.class));
        t.post(base, 201, RULE_ADMIN, r -> {
            ApprovalRule body = ctx.body(r, ApprovalRule.class);
            if (body.id() != null && find(ctx, rules, ctx.caller(r), r.param("buyerID"), body.id(), false) != null) {
                throw new io.orderhooks.core.error.OrderCloudException(409, "IdExists", "ApprovalRule already exists: " + body.id());
            }
            return rules.save(ctx.caller(r), r.param("buyerID"), body);
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
