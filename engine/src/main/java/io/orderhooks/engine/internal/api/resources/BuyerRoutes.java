package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.core.model.Buyer;
import io.orderhooks.core.model.BuyerSupplier;
import java.util.Set;

/** {@code v1/buyers}: BuyerAdmin writes, BuyerReader reads (a buyer user sees only its own buyer). */
public final class BuyerRoutes {

    static final Set<String> READ = roles("BuyerReader", "BuyerAdmin");
    static final Set<String> ADMIN = roles("BuyerAdmin");

    private BuyerRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        var orgs = ctx.engine().orgs();
        t.get("v1/buyers", READ, r -> ctx.list(r, orgs.listBuyers(ctx.caller(r)), Buyer.class));
        t.get("v1/buyers/{buyerID}", READ, r -> orgs.getBuyer(ctx.caller(r), r.param("buyerID")));
        t.post("v1/buyers", 201, ADMIN, r -> orgs.createBuyer(ctx.caller(r), ctx.body(r, Buyer.class)));
        t.put("v1/buyers/{buyerID}", ADMIN, r -> orgs.saveBuyer(ctx.caller(r),
                withID(ctx.body(r, Buyer.class), r.param("buyerID"))));
        t.patch("v1/buyers/{buyerID}", ADMIN, r -> {
            Caller c = ctx.caller(r);
            Buyer merged = ctx.patch(r, orgs.getBuyer(c, r.param("buyerID")), Buyer.class);
            return orgs.saveBuyer(c, withID(merged, r.param("buyerID")));
        });
        t.delete("v1/buyers/{buyerID}", ADMIN, r -> {
            orgs.deleteBuyer(ctx.caller(r), r.param("buyerID"));
            return null;
        });
        t.get("v1/buyers/{buyerID}/sellers", READ, r -> {
            Caller c = ctx.caller(r);
            orgs.getBuyer(c, r.param("buyerID"));
            return ctx.list(r, Sellers.of(ctx, r.param("buyerID")), BuyerSupplier.class);
        });
    }

    /** The path's ID wins; a different ID in the body is refused (IDs are not renamed, see README). */
    static Buyer withID(Buyer b, String id) {
        Ids.requireSame(b.id(), id);
        return new Buyer(id, b.name(), b.defaultCatalogID(), b.active(), b.dateCreated(), b.xp());
    }
}
