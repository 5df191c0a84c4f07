package io.orderhooks.engine.internal.api.resources;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.orgs.AddressService;
import io.orderhooks.engine.internal.query.QuerySchema;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.AddressAssignment;

/** Company addresses ({@code .../addresses}) and, for buyers, their assignments. */
final class AddressRoutes {

    private static final QuerySchema ASSIGNMENTS = QuerySchema.forType(AddressAssignment.class).reserved("level").build();

    private AddressRoutes() {}

    static void register(RouteTable t, ApiContext ctx, CompanyKind kind) {
        AddressService s = ctx.engine().addresses();
        String all = kind.addresses;
        String one = all + "/{addressID}";
        t.get(all, kind.addressRead, r -> ctx.list(r, s.listAddresses(UserRoutes.visible(ctx, r, kind), kind.companyID(ctx, r)), Address.class));
        t.get(one, kind.addressRead, r -> s.getAddress(UserRoutes.visible(ctx, r, kind), kind.companyID(ctx, r), r.param("addressID")));
        t.post(all, 201, kind.addressAdmin, r -> {
            Caller c = UserRoutes.visible(ctx, r, kind);
            Address a = ctx.body(r, Address.class);
            return s.saveAddress(c, kind.companyID(ctx, r), a, true);
        });
        t.put(one, kind.addressAdmin, r -> {
            Address a = ctx.body(r, Address.class);
            Ids.requireSame(a.id(), r.param("addressID"));
            return s.saveAddress(UserRoutes.visible(ctx, r, kind), kind.companyID(ctx, r), a.toBuilder().id(r.param("addressID")).build());
        });
        t.patch(one, kind.addressAdmin, r -> {
            Caller c = UserRoutes.visible(ctx, r, kind);
            Address merged = ctx.patch(r, s.getAddress(c, kind.companyID(ctx, r), r.param("addressID")), Address.class);
            Ids.requireSame(merged.id(), r.param("addressID"));
            return s.saveAddress(c, kind.companyID(ctx, r), merged);
        });
        t.delete(one, kind.addressAdmin, r -> {
            s.deleteAddress(UserRoutes.visible(ctx, r, kind), kind.companyID(ctx, r), r.param("addressID"));
            return null;
        });
        if (kind == CompanyKind.BUYER) {
            registerAssignments(t, ctx, kind, s);
        }
    }

    private static void registerAssignments(RouteTable t, ApiContext ctx, CompanyKind kind, AddressService s) {
        t.get(kind.addresses + "/assignments", kind.addressRead, r -> {
            String level = r.queryParam("level");
            return ctx.list(r, s.listAssignments(UserRoutes.visible(ctx, r, kind), kind.companyID(ctx, r)).stream()
                    .filter(a -> Levels.matches(level, a.userID(), a.userGroupID())).toList(), AddressAssignment.class, ASSIGNMENTS);
        });
        t.post(kind.addresses + "/assignments", 204, kind.addressAdmin, r -> {
            s.assign(UserRoutes.visible(ctx, r, kind), kind.companyID(ctx, r), ctx.body(r, AddressAssignment.class));
            return null;
        });
        t.delete(kind.addresses + "/{addressID}/assignments", kind.addressAdmin, r -> {
            s.unassign(UserRoutes.visible(ctx, r, kind), kind.companyID(ctx, r), r.param("addressID"),
                    r.queryParam("userID"), r.queryParam("userGroupID"));
            return null;
        });
    }
}
