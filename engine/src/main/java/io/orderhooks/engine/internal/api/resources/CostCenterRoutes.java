package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.ApiRequest;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.orgs.AssignedResources;
import io.orderhooks.engine.internal.orgs.ResourceAssignment;
import io.orderhooks.core.model.CostCenter;
import io.orderhooks.core.model.CostCenterAssignment;
import java.util.Set;

/**
 * {@code v1/buyers/{buyerID}/costcenters} with assignments to user groups (CostCenterAdmin / CostCenterReader), and
 * {@code v1/me/costcenters}: the cost centers assigned to the whole buyer or one of the caller's groups.
 */
public final class CostCenterRoutes {

    static final Set<String> READ = roles("CostCenterReader", "CostCenterAdmin");
    static final Set<String> ADMIN = roles("CostCenterAdmin");
    private static final String BASE = "v1/buyers/{buyerID}/costcenters";

    private CostCenterRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        AssignedResources<CostCenter> s = ctx.engine().costCenters();
        t.get(BASE, READ, r -> ctx.list(r, s.list(buyer(ctx, r), r.param("buyerID")), CostCenter.class));
        t.get(BASE + "/{costCenterID}", READ, r -> s.get(buyer(ctx, r), r.param("buyerID"), r.param("costCenterID")));
        t.post(BASE, 201, ADMIN, r -> save(ctx, r, s, null, ctx.body(r, CostCenter.class)));
        t.put(BASE + "/{costCenterID}", ADMIN, r -> save(ctx, r, s, r.param("costCenterID"), ctx.body(r, CostCenter.class)));
        t.patch(BASE + "/{costCenterID}", ADMIN, r -> save(ctx, r, s, r.param("costCenterID"),
                ctx.patch(r, s.get(buyer(ctx, r), r.param("buyerID"), r.param("costCenterID")), CostCenter.class)));
        t.delete(BASE + "/{costCenterID}", ADMIN, r -> {
            s.delete(buyer(ctx, r), r.param("buyerID"), r.param("costCenterID"));
            return null;
        });
        t.get(BASE + "/assignments", READ, r -> ctx.list(r, s.listAssignments(buyer(ctx, r), r.param("buyerID")).stream()
                .filter(a -> matches(r.queryParam("costCenterID"), a.resourceID()) && matches(r.queryParam("userGroupID"), a.userGroupID()))
                .map(a -> new CostCenterAssignment(a.resourceID(), a.userGroupID())).toList(), CostCenterAssignment.class));
        t.post(BASE + "/assignments", 204, ADMIN, r -> {
            CostCenterAssignment a = ctx.body(r, CostCenterAssignment.class);
            s.assign(buyer(ctx, r), r.param("buyerID"), new ResourceAssignment(a.costCenterID(), null, a.userGroupID()));
            return null;
        });
        t.delete(BASE + "/{costCenterID}/assignments", ADMIN, r -> {
            s.unassign(buyer(ctx, r), r.param("buyerID"), r.param("costCenterID"), null, r.queryParam("userGroupID"));
            return null;
        });
        t.get("v1/me/costcenters", MeRoutes.READ, r -> {
            Caller c = ctx.caller(r);
            return ctx.list(r, c.isBuyer() ? s.list(c, c.companyID()) : java.util.List.of(), CostCenter.class);
        });
    }

    private static CostCenter save(ApiContext ctx, ApiRequest r, AssignedResources<CostCenter> s, String pathID, CostCenter body) {
        if (pathID != null) {
            Ids.requireSame(body.id(), pathID);
        }
        if (body.name() == null || body.name().isBlank()) {
            throw io.orderhooks.engine.internal.Errors.required("Name");
        }
        String id = s.idOrNew(pathID != null ? pathID : body.id());
        return s.save(buyer(ctx, r), r.param("buyerID"), new CostCenter(id, body.name(), body.description(), body.xp()), pathID == null);
    }

    static boolean matches(String filter, String value) {
        return filter == null || filter.isBlank() || filter.equals(value);
    }

    private static Caller buyer(ApiContext ctx, ApiRequest r) {
        return UserRoutes.visible(ctx, r, CompanyKind.BUYER);
    }
}
