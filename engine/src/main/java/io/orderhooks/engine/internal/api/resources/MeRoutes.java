package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.anyCaller;
import static io.orderhooks.engine.internal.api.RouteTable.roles;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.ApiRequest;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.catalog.ProductAccess;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.BuyerSupplier;
import io.orderhooks.core.model.SpendingAccount;
import io.orderhooks.core.model.User;
import io.orderhooks.core.model.UserGroup;
import java.util.List;
import java.util.Set;

/**
 * {@code v1/me}: the caller's own profile, user groups, spending accounts, sellers and tokens (addresses in
 * {@link MeAddressRoutes}). GET answers OrderCloud's MeUser: the user plus {@code AvailableRoles} (the
 * token's roles) and {@code Buyer}/{@code Supplier}/{@code Seller} {@code {ID}}.
 */
public final class MeRoutes {

    static final Set<String> READ = roles("MeAdmin", "MeXpAdmin", "Shopper");
    static final Set<String> ADMIN = roles("MeAdmin");

    private MeRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        t.get("v1/me", READ, r -> meUser(ctx, r, self(ctx, ctx.caller(r))));
        t.put("v1/me", ADMIN, r -> meUser(ctx, r, ctx.engine().orgs().saveSelf(ctx.caller(r), ctx.body(r, User.class))));
        t.patch("v1/me", ADMIN, r -> {
            Caller c = ctx.caller(r);
            return meUser(ctx, r, ctx.engine().orgs().saveSelf(c, ctx.patch(r, self(ctx, c), User.class)));
        });
        t.get("v1/me/usergroups", READ, r -> {
            Caller c = ctx.caller(r);
            Set<String> mine = new ProductAccess(ctx.engine().context()).groupsOf(c.companyID(), c.userID());
            List<UserGroup> groups = c.isSeller() ? List.of() : ctx.engine().orgs().listUserGroups(c, c.companyID())
                    .stream().filter(g -> mine.contains(g.id())).toList();
            return ctx.list(r, groups, UserGroup.class);
        });
        t.get("v1/me/spendingAccounts", READ, r -> {
            Caller c = ctx.caller(r);
            List<SpendingAccount> accounts = c.isBuyer() ? ctx.engine().spendingAccounts().list(c, c.companyID()) : List.of();
            return ctx.list(r, accounts, SpendingAccount.class);
        });
        t.get("v1/me/spendingaccounts/{spendingAccountID}", READ, r -> {
            Caller c = ctx.caller(r);
            if (!c.isBuyer()) {
                throw Errors.notFound("SpendingAccount", r.param("spendingAccountID"));
            }
            return ctx.engine().spendingAccounts().get(c, c.companyID(), r.param("spendingAccountID"));
        });
        t.get("v1/me/sellers", roles("Shopper", "MeAdmin"), r -> {
            Caller c = ctx.caller(r);
            List<BuyerSupplier> sellers = c.isBuyer() ? Sellers.of(ctx, c.companyID()) : List.of();
            return ctx.list(r, sellers, BuyerSupplier.class);
        });
        t.delete("v1/me/tokens", anyCaller(), r -> {
            Caller c = ctx.caller(r);
            if (!c.anonymous()) {
                ctx.refreshTokens().revokeUser(null, c.userID());
            }
            ctx.revocations().revoke(r.caller());
            return null;
        });
        MeAddressRoutes.register(t, ctx);
    }

    private static User self(ApiContext ctx, Caller c) {
        return ctx.engine().orgs().findUser(c.companyID(), c.userID()).orElseThrow(() -> Errors.notFound("User", c.userID()));
    }

    private static ObjectNode meUser(ApiContext ctx, ApiRequest r, User user) {
        Caller c = ctx.caller(r);
        ObjectNode me = OrderCloudJson.mapper().valueToTree(user);
        me.set("AvailableRoles", OrderCloudJson.mapper().valueToTree(r.caller().roles()));
        String company = c.isBuyer() ? "Buyer" : c.isSupplier() ? "Supplier" : "Seller";
        for (String kind : List.of("Buyer", "Supplier", "Seller")) {
            me.putNull(kind); // MeUser declares all three; only the caller's company is set
        }
        ObjectNode ref = me.putObject(company).put("ID", c.companyID());
        if (c.isBuyer()) {
            ref.put("DefaultCatalogID", ctx.engine().orgs().getBuyer(c, c.companyID()).defaultCatalogID());
        }
        return me;
    }
}
