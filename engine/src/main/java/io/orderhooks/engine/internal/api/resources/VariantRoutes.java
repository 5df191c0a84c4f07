package io.orderhooks.engine.internal.api.resources;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.ApiRequest;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.catalog.ProductAccess;
import io.orderhooks.engine.internal.catalog.VariantService;
import io.orderhooks.engine.internal.inventory.InventoryRecordService;
import io.orderhooks.core.model.InventoryRecord;
import io.orderhooks.core.model.InventoryRecordAssignment;
import io.orderhooks.core.model.Variant;

/**
 * Product variants ({@code v1/products/{productID}/variants}, {@code .../variants/generate}), inventory records of
 * products and variants with their assignments (ProductAdmin / ProductReader), and the buyer's views
 * {@code v1/me/products/{productID}/variants} and {@code .../inventoryrecords} (Shopper; only for a product the buyer
 * user sees, active variants, records they may use).
 */
public final class VariantRoutes {

    private static final String VARIANTS = "v1/products/{productID}/variants";

    private VariantRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        VariantService s = ctx.engine().variants();
        t.get(VARIANTS, ProductRoutes.READ, r -> ctx.list(r, s.list(r.param("productID")), Variant.class));
        t.get(VARIANTS + "/{variantID}", ProductRoutes.READ, r -> s.get(r.param("productID"), r.param("variantID")));
        t.post(VARIANTS + "/generate", 200, ProductRoutes.ADMIN, r -> s.generate(ctx.caller(r), r.param("productID"),
                Boolean.parseBoolean(r.queryParam("overwriteExisting"))));
        t.put(VARIANTS + "/{variantID}", ProductRoutes.ADMIN, r -> {
            Variant body = ctx.body(r, Variant.class);
            Ids.requireSame(body.id(), r.param("variantID"));
            return s.save(ctx.caller(r), r.param("productID"), r.param("variantID"), body);
        });
        t.patch(VARIANTS + "/{variantID}", ProductRoutes.ADMIN, r -> {
            Variant merged = ctx.patch(r, s.get(r.param("productID"), r.param("variantID")), Variant.class);
            Ids.requireSame(merged.id(), r.param("variantID"));
            return s.save(ctx.caller(r), r.param("productID"), r.param("variantID"), merged);
        });
        records(t, ctx, "v1/products/{productID}/inventoryrecords", false);
        records(t, ctx, VARIANTS + "/{variantID}/inventoryrecords", true);
        registerMe(t, ctx, s);
    }

    private static void records(RouteTable t, ApiContext ctx, String base, boolean variant) {
        InventoryRecordService s = ctx.engine().inventoryRecords();
        t.get(base, ProductRoutes.READ, r -> ctx.list(r, s.list(r.param("productID"), variantOf(r, variant)), InventoryRecord.class));
        t.get(base + "/{inventoryRecordID}", ProductRoutes.READ, r -> s.get(r.param("productID"), variantOf(r, variant), r.param("inventoryRecordID")));
        t.post(base, 201, ProductRoutes.ADMIN, r -> {
            InventoryRecord body = ctx.body(r, InventoryRecord.class);
            return s.save(ctx.caller(r), r.param("productID"), variantOf(r, variant), body.id(), body, true);
        });
        t.put(base + "/{inventoryRecordID}", ProductRoutes.ADMIN, r -> {
            InventoryRecord body = ctx.body(r, InventoryRecord.class);
            Ids.requireSame(body.id(), r.param("inventoryRecordID"));
            return s.save(ctx.caller(r), r.param("productID"), variantOf(r, variant), r.param("inventoryRecordID"), body, false);
        });
        t.patch(base + "/{inventoryRecordID}", ProductRoutes.ADMIN, r -> {
            InventoryRecord merged = ctx.patch(r, s.get(r.param("productID"), variantOf(r, variant), r.param("inventoryRecordID")), InventoryRecord.class);
            Ids.requireSame(merged.id(), r.param("inventoryRecordID"));
            return s.save(ctx.caller(r), r.param("productID"), variantOf(r, variant), r.param("inventoryRecordID"), merged, false);
        });
        t.delete(base + "/{inventoryRecordID}", ProductRoutes.ADMIN, r -> {
            s.delete(ctx.caller(r), r.param("productID"), variantOf(r, variant), r.param("inventoryRecordID"));
            return null;
        });
        t.get(base + "/assignments", ProductRoutes.READ, r -> ctx.list(r, s.assignments(r.param("productID"), variantOf(r, variant)).stream()
                .filter(a -> CostCenterRoutes.matches(r.queryParam("inventoryRecordID"), a.inventoryRecordID())
                        && CostCenterRoutes.matches(r.queryParam("buyerID"), a.buyerID())
                        && CostCenterRoutes.matches(r.queryParam("userGroupID"), a.userGroupID())
                        && Levels.matches(r.queryParam("level"), null, a.userGroupID())).toList(), InventoryRecordAssignment.class,
                io.orderhooks.engine.internal.query.QuerySchema.forType(InventoryRecordAssignment.class).reserved("level").build()));
        t.post(base + "/assignments", 204, ProductRoutes.ADMIN, r -> {
            s.assign(ctx.caller(r), r.param("productID"), variantOf(r, variant), ctx.body(r, InventoryRecordAssignment.class));
            return null;
        });
        t.delete(base + "/{inventoryRecordID}/assignments", ProductRoutes.ADMIN, r -> {
            s.unassign(ctx.caller(r), r.param("productID"), variantOf(r, variant), r.param("inventoryRecordID"),
                    Creates.query(r, "buyerID"), r.queryParam("userGroupID"));
            return null;
        });
    }

    private static void registerMe(RouteTable t, ApiContext ctx, VariantService s) {
        String me = "v1/me/products/{productID}";
        t.get(me + "/variants", MeCatalogRoutes.SHOPPER, r -> ctx.list(r, s.list(visible(ctx, r)).stream()
                .filter(v -> !Boolean.FALSE.equals(v.active())).toList(), Variant.class));
        t.get(me + "/variants/{variantID}", MeCatalogRoutes.SHOPPER, r -> {
            Variant v = s.get(visible(ctx, r), r.param("variantID"));
            if (Boolean.FALSE.equals(v.active())) {
                throw Errors.notFound("Variant", v.id());
            }
            return v;
        });
        InventoryRecordService records = ctx.engine().inventoryRecords();
        t.get(me + "/inventoryrecords", MeCatalogRoutes.SHOPPER, r -> ctx.list(r,
                records.usable(ctx.caller(r), visible(ctx, r), null), InventoryRecord.class));
        t.get(me + "/variants/{variantID}/inventoryrecords", MeCatalogRoutes.SHOPPER, r -> ctx.list(r,
                records.usable(ctx.caller(r), visible(ctx, r), r.param("variantID")), InventoryRecord.class));
    }

    /** The path's product if the buyer user sees it; 404 otherwise. */
    private static String visible(ApiContext ctx, ApiRequest r) {
        Caller c = ctx.caller(r);
        return new ProductAccess(ctx.engine().context()).visible(c, r.param("productID"))
                .orElseThrow(() -> Errors.notFound("Product", r.param("productID"))).product().id();
    }

    private static String variantOf(ApiRequest r, boolean variant) {
        return variant ? r.param("variantID") : null;
    }
}
