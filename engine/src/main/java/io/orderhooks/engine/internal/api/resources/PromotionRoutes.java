package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.promotions.PromotionAssignments;
import io.orderhooks.engine.internal.promotions.PromotionService;
import io.orderhooks.core.model.Promotion;
import io.orderhooks.core.model.PromotionAssignment;
import java.util.Set;

/**
 * {@code v1/promotions} (+ assignments; PromotionAdmin / PromotionReader).
 */
public final class PromotionRoutes {

    static final Set<String> READ = roles("PromotionReader", "PromotionAdmin");
    static final Set<String> ADMIN = roles("PromotionAdmin");

    private PromotionRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        PromotionService promotions = ctx.engine().promotions();
        PromotionAssignments assignments = new PromotionAssignments(ctx.engine().context());
        t.get("v1/promotions", READ, r -> ctx.list(r, promotions.list(ctx.caller(r)), Promotion.class));
        t.post("v1/promotions", 201, ADMIN, r -> {
            Promotion body = ctx.body(r, Promotion.class);
            return promotions.create(ctx.caller(r), body);
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
    }
}
