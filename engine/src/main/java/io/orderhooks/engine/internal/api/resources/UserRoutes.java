package io.orderhooks.engine.internal.api.resources;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.ApiRequest;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.orgs.OrgService;
import io.orderhooks.core.model.User;

/**
 * Users of buyers and suppliers: list/get/create/replace/patch/delete, {@code DELETE .../tokens} (revokes
 * the user's refresh and access tokens) and {@code POST .../unlock}. {@code Password} is write-only.
 */
final class UserRoutes {

    private UserRoutes() {}

    static void register(RouteTable t, ApiContext ctx, CompanyKind kind) {
        OrgService orgs = ctx.engine().orgs();
        var invitations = new io.orderhooks.engine.internal.api.auth.AccountRecovery(ctx.engine(), ctx.oauth().tokens());
        String users = kind.users;
        String one = users + "/{userID}";
        t.get(users, kind.userRead, r -> ctx.list(r, orgs.listUsers(visible(ctx, r, kind), kind.companyID(ctx, r)), User.class));
        t.get(one, kind.userRead, r -> orgs.getUser(visible(ctx, r, kind), kind.companyID(ctx, r), r.param("userID")));
        t.post(users, 201, kind.userAdmin, r -> {
            Caller c = visible(ctx, r, kind);
            User u = ctx.body(r, User.class);
            User created = orgs.saveUser(c, kind.companyID(ctx, r), u, true);
            if (u.password() == null) {
                invitations.invite(c, created); // NewUserInvitation: a code to set the first password
            }
            return created;
        });
        t.put(one, kind.userAdmin, r -> {
            User u = ctx.body(r, User.class);
            Ids.requireSame(u.id(), r.param("userID"));
            return orgs.saveUser(visible(ctx, r, kind), kind.companyID(ctx, r), u.toBuilder().id(r.param("userID")).build());
        });
        t.patch(one, kind.userAdmin, r -> {
            Caller c = visible(ctx, r, kind);
            User merged = ctx.patch(r, orgs.getUser(c, kind.companyID(ctx, r), r.param("userID")), User.class);
            Ids.requireSame(merged.id(), r.param("userID"));
            return orgs.saveUser(c, kind.companyID(ctx, r), merged);
        });
        t.delete(one, kind.userAdmin, r -> {
            orgs.deleteUser(visible(ctx, r, kind), kind.companyID(ctx, r), r.param("userID"));
            return null;
        });
        t.delete(one + "/tokens", kind.userAdmin, r -> {
            orgs.getUser(visible(ctx, r, kind), kind.companyID(ctx, r), r.param("userID"));
            ctx.refreshTokens().revokeUser(null, r.param("userID"));
            ctx.revocations().revoke(kind.companyID(ctx, r), r.param("userID"));
            return null;
        });
        t.post(one + "/unlock", 204, kind.userAdmin, r -> {
            Caller c = visible(ctx, r, kind);
            orgs.getUser(c, kind.companyID(ctx, r), r.param("userID"));
            orgs.unlock(c, kind.companyID(ctx, r), r.param("userID"));
            return null;
        });
    }

    /** The caller, after checking the company in the path exists and is visible to it (404 otherwise). */
    static Caller visible(ApiContext ctx, ApiRequest r, CompanyKind kind) {
        Caller c = ctx.caller(r);
        kind.requireVisible(ctx, c, kind.companyID(ctx, r));
        return c;
    }
}
