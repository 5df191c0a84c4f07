package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.orgs.OrgService;
import io.orderhooks.engine.internal.orgs.SupplierBuyers;
import io.orderhooks.core.model.Buyer;
import io.orderhooks.core.model.Supplier;
import java.util.Set;

/**
 * {@code v1/suppliers} (SupplierAdmin / SupplierReader), their buyers, and — through the shared company
 * routes — their users, user groups and addresses.
 */
public final class SupplierRoutes {

    static final Set<String> READ = roles("SupplierReader", "SupplierAdmin");
    static final Set<String> ADMIN = roles("SupplierAdmin");

    private SupplierRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        OrgService orgs = ctx.engine().orgs();
        SupplierBuyers buyers = new SupplierBuyers(ctx.engine().context());
        t.get("v1/suppliers", READ, r -> ctx.list(r, orgs.listSuppliers(ctx.caller(r)), Supplier.class));
        t.get("v1/suppliers/{supplierID}", READ, r -> orgs.getSupplier(ctx.caller(r), r.param("supplierID")));
        t.post("v1/suppliers", 201, ADMIN, r -> orgs.createSupplier(ctx.caller(r), ctx.body(r, Supplier.class)));
        t.put("v1/suppliers/{supplierID}", ADMIN, r -> orgs.saveSupplier(ctx.caller(r), withID(ctx.body(r, Supplier.class),
                r.param("supplierID"))));
        t.patch("v1/suppliers/{supplierID}", ADMIN, r -> {
            Caller c = ctx.caller(r);
            Supplier merged = ctx.patch(r, orgs.getSupplier(c, r.param("supplierID")), Supplier.class);
            return orgs.saveSupplier(c, withID(merged, r.param("supplierID")));
        });
        t.delete("v1/suppliers/{supplierID}", ADMIN, r -> {
            orgs.deleteSupplier(ctx.caller(r), r.param("supplierID"));
            return null;
        });
        t.get("v1/suppliers/{supplierID}/buyers", READ, r -> ctx.list(r, buyers.list(ctx.caller(r), r.param("supplierID")),
                Buyer.class));
        t.put("v1/suppliers/{supplierID}/buyers/{buyerID}", ADMIN, r -> {
            buyers.add(ctx.caller(r), r.param("supplierID"), r.param("buyerID"));
            return null;
        });
        t.delete("v1/suppliers/{supplierID}/buyers/{buyerID}", ADMIN, r -> {
            buyers.remove(ctx.caller(r), r.param("supplierID"), r.param("buyerID"));
            return null;
        });
        UserRoutes.register(t, ctx, CompanyKind.SUPPLIER);
        UserGroupRoutes.register(t, ctx, CompanyKind.SUPPLIER);
        AddressRoutes.register(t, ctx, CompanyKind.SUPPLIER);
    }

    static Supplier withID(Supplier s, String id) {
        Ids.requireSame(s.id(), id);
        return new Supplier(id, s.name(), s.active(), s.dateCreated(), s.allBuyersCanOrder(), s.xp());
    }
}
