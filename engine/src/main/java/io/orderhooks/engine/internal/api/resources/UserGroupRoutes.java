package io.orderhooks.engine.internal.api.resources;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.orgs.OrgService;
import io.orderhooks.core.model.UserGroup;
import io.orderhooks.core.model.UserGroupAssignment;

/** User groups of buyers and suppliers and their memberships ({@code .../usergroups[/assignments]}). */
final class UserGroupRoutes {

    private UserGroupRoutes() {}

    static void register(RouteTable t, ApiContext ctx, CompanyKind kind) {
        OrgService orgs = ctx.engine().orgs();
        String groups = kind.groups;
        String one = groups + "/{userGroupID}";
        t.get(groups, kind.groupRead, r -> ctx.list(r, orgs.listUserGroups(UserRoutes.visible(ctx, r, kind),
                kind.companyID(ctx, r)), UserGroup.class));
        t.get(one, kind.groupRead, r -> orgs.getUserGroup(UserRoutes.visible(ctx, r, kind), kind.companyID(ctx, r),
                r.param("userGroupID")));
        t.post(groups, 201, kind.groupAdmin, r -> {
            Caller c = UserRoutes.visible(ctx, r, kind);
            UserGroup g = ctx.body(r, UserGroup.class);
            return orgs.saveUserGroup(c, kind.companyID(ctx, r), g, true);
        });
        t.put(one, kind.groupAdmin, r -> {
            UserGroup g = ctx.body(r, UserGroup.class);
            Ids.requireSame(g.id(), r.param("userGroupID"));
            return orgs.saveUserGroup(UserRoutes.visible(ctx, r, kind), kind.companyID(ctx, r),
                    new UserGroup(r.param("userGroupID"), g.name(), g.description(), g.xp()));
        });
        t.patch(one, kind.groupAdmin, r -> {
            Caller c = UserRoutes.visible(ctx, r, kind);
            UserGroup merged = ctx.patch(r, orgs.getUserGroup(c, kind.companyID(ctx, r), r.param("userGroupID")), UserGroup.class);
            Ids.requireSame(merged.id(), r.param("userGroupID"));
            return orgs.saveUserGroup(c, kind.companyID(ctx, r), merged);
        });
        t.delete(one, kind.groupAdmin, r -> {
            orgs.deleteUserGroup(UserRoutes.visible(ctx, r, kind), kind.companyID(ctx, r), r.param("userGroupID"));
            return null;
        });
        t.get(groups + "/assignments", kind.groupRead, r -> ctx.list(r, orgs.listGroupAssignments(
                UserRoutes.visible(ctx, r, kind), kind.companyID(ctx, r)), UserGroupAssignment.class));
        t.post(groups + "/assignments", 204, kind.groupAdmin, r -> {
            orgs.assignUserToGroup(UserRoutes.visible(ctx, r, kind), kind.companyID(ctx, r), ctx.body(r, UserGroupAssignment.class));
            return null;
        });
        t.delete(one + "/assignments/{userID}", kind.groupAdmin, r -> {
            Caller c = UserRoutes.visible(ctx, r, kind);
            orgs.getUserGroup(c, kind.companyID(ctx, r), r.param("userGroupID"));
            orgs.unassignUserFromGroup(c, kind.companyID(ctx, r), r.param("userGroupID"), r.param("userID"));
            return null;
        });
    }
}
