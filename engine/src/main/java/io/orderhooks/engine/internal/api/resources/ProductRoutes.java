package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.catalog.CatalogAdmin;
import io.orderhooks.engine.internal.catalog.CatalogService;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.PriceBreak;
import io.orderhooks.core.model.PriceSchedule;
import io.orderhooks.core.model.Product;
import io.orderhooks.core.model.ProductAssignment;
import io.orderhooks.core.model.Spec;
import io.orderhooks.core.model.Supplier;
import java.util.Set;

/**
 * {@code v1/products} (+ assignments, specs, suppliers; ProductAdmin writes, ProductReader reads,
 * ProductAssignmentAdmin assigns) and {@code v1/priceschedules} (+ {@code PriceBreaks}; PriceScheduleAdmin /
 * PriceScheduleReader).
 */
public final class ProductRoutes {

    static final Set<String> READ = roles("ProductReader", "ProductAdmin");
    static final Set<String> ADMIN = roles("ProductAdmin");
    static final Set<String> ASSIGN = roles("ProductAssignmentAdmin");
    static final Set<String> PS_READ = roles("PriceScheduleReader", "PriceScheduleAdmin");
    static final Set<String> PS_ADMIN = roles("PriceScheduleAdmin");

    private ProductRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        CatalogService catalog = ctx.engine().catalog();
        CatalogAdmin admin = new CatalogAdmin(ctx.engine().context(), catalog);
        t.get("v1/products", READ, r -> ctx.productList(r, catalog.listProducts(ctx.caller(r))));
        t.post("v1/products", 201, ADMIN, r -> catalog.createProduct(ctx.caller(r), ctx.body(r, Product.class)));
        t.get("v1/products/{productID}", READ, r -> catalog.getProduct(ctx.caller(r), r.param("productID")));
        t.put("v1/products/{productID}", ADMIN, r -> {
            Product body = ctx.body(r, Product.class);
            Ids.requireSame(body.id(), r.param("productID"));
            return catalog.saveProduct(ctx.caller(r), r.param("productID"), body);
        });
        t.patch("v1/products/{productID}", ADMIN, r -> {
            Caller c = ctx.caller(r);
            Product merged = ctx.patch(r, catalog.getProduct(c, r.param("productID")), Product.class);
            Ids.requireSame(merged.id(), r.param("productID"));
            return catalog.saveProduct(c, r.param("productID"), merged);
        });
        t.delete("v1/products/{productID}", ADMIN, r -> {
            catalog.deleteProduct(ctx.caller(r), r.param("productID"));
            return null;
        });
        t.get("v1/products/assignments", READ, r -> ctx.list(r, catalog.listProductAssignments(ctx.caller(r)), ProductAssignment.class));
        t.post("v1/products/assignments", 204, ASSIGN, r -> {
            catalog.assignProduct(ctx.caller(r), ctx.body(r, ProductAssignment.class));
            return null;
        });
        t.delete("v1/products/{productID}/assignments/{buyerID}", ASSIGN, r -> {
            catalog.unassignProduct(ctx.caller(r), r.param("productID"), r.param("buyerID"), r.queryParam("userGroupID"));
            return null;
        });
        t.get("v1/products/{productID}/specs", READ, r -> CatalogRoutes.withOptions(ctx,
                ctx.list(r, catalog.productSpecs(ctx.caller(r), r.param("productID")), Spec.class)));
        t.get("v1/products/{productID}/suppliers", READ,
                r -> ctx.list(r, admin.productSuppliers(ctx.caller(r), r.param("productID")), Supplier.class));
        t.put("v1/products/{productID}/suppliers/{supplierID}", ADMIN, r -> {
            admin.addProductSupplier(ctx.caller(r), r.param("productID"), r.param("supplierID"));
            return null;
        });
        t.delete("v1/products/{productID}/suppliers/{supplierID}", ADMIN, r -> {
            admin.removeProductSupplier(ctx.caller(r), r.param("productID"), r.param("supplierID"));
            return null;
        });
        registerPriceSchedules(t, ctx, catalog, admin);
    }

    private static void registerPriceSchedules(RouteTable t, ApiContext ctx, CatalogService catalog, CatalogAdmin admin) {
        t.get("v1/priceschedules", PS_READ, r -> ctx.list(r, catalog.listPriceSchedules(ctx.caller(r)), PriceSchedule.class));
        t.post("v1/priceschedules", 201, PS_ADMIN, r -> {
            PriceSchedule body = ctx.body(r, PriceSchedule.class);
            Creates.requireNew(ctx, Tables.PRICE_SCHEDULES, body.id(), "PriceSchedule");
            return catalog.savePriceSchedule(ctx.caller(r), body, true);
        });
        t.get("v1/priceschedules/{priceScheduleID}", PS_READ, r -> catalog.getPriceSchedule(ctx.caller(r), r.param("priceScheduleID")));
        t.put("v1/priceschedules/{priceScheduleID}", PS_ADMIN, r -> {
            PriceSchedule body = ctx.body(r, PriceSchedule.class);
            Ids.requireSame(body.id(), r.param("priceScheduleID"));
            return catalog.savePriceSchedule(ctx.caller(r), body.toBuilder().id(r.param("priceScheduleID")).build());
        });
        t.patch("v1/priceschedules/{priceScheduleID}", PS_ADMIN, r -> {
            Caller c = ctx.caller(r);
            PriceSchedule merged = ctx.patch(r, catalog.getPriceSchedule(c, r.param("priceScheduleID")), PriceSchedule.class);
            Ids.requireSame(merged.id(), r.param("priceScheduleID"));
            return catalog.savePriceSchedule(c, merged);
        });
        t.delete("v1/priceschedules/{priceScheduleID}", PS_ADMIN, r -> {
            catalog.deletePriceSchedule(ctx.caller(r), r.param("priceScheduleID"));
            return null;
        });
        t.post("v1/priceschedules/{priceScheduleID}/PriceBreaks", 201, PS_ADMIN,
                r -> admin.savePriceBreak(ctx.caller(r), r.param("priceScheduleID"), ctx.body(r, PriceBreak.class)));
        t.delete("v1/priceschedules/{priceScheduleID}/PriceBreaks", PS_ADMIN, r -> {
            admin.deletePriceBreak(ctx.caller(r), r.param("priceScheduleID"), Creates.intQuery(r, "quantity"));
            return null;
        });
    }
}
