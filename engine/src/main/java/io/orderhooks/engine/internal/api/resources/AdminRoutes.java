package io.orderhooks.engine.internal.api.resources;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;

/**
 * The marketplace owner's own people: {@code v1/adminusers} (roles {@code AdminUserReader}/{@code AdminUserAdmin}),
 * {@code v1/usergroups} with {@code .../assignments} ({@code AdminUserGroupReader}/{@code AdminUserGroupAdmin}) and
 * {@code v1/addresses} ({@code AdminAddressReader}/{@code AdminAddressAdmin}). They are stored like a buyer's or
 * supplier's, under the seller organization ID; admin users sign in through clients with {@code AllowSeller}.
 */
public final class AdminRoutes {

    private AdminRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        UserRoutes.register(t, ctx, CompanyKind.MARKETPLACE);
        UserGroupRoutes.register(t, ctx, CompanyKind.MARKETPLACE);
        AddressRoutes.register(t, ctx, CompanyKind.MARKETPLACE);
    }
}
