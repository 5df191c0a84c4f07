package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.ApiRequest;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.catalog.CategoryService;
import io.orderhooks.engine.internal.query.QuerySchema;
import io.orderhooks.core.model.Category;
import io.orderhooks.core.model.CategoryAssignment;
import io.orderhooks.core.model.CategoryProductAssignment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code v1/catalogs/{catalogID}/categories} with assignments and product assignments (CategoryAdmin /
 * CategoryReader), and {@code v1/me/categories}. {@code depth} and {@code ParentID} select a subtree (see
 * {@link CategoryService#list}). Bundles are not implemented, so no bundle assignment can exist: listing them
 * answers an empty page, saving one 404 {@code NotFound} (Bundle).
 */
public final class CategoryRoutes {

    static final Set<String> READ = roles("CategoryReader", "CategoryAdmin");
    static final Set<String> ADMIN = roles("CategoryAdmin");
    private static final String BASE = "v1/catalogs/{catalogID}/categories";
    private static final QuerySchema LIST = QuerySchema.forType(Category.class).reserved("depth", "ParentID", "catalogID").build();
    private static final QuerySchema ASSIGNMENTS = QuerySchema.forType(CategoryAssignment.class).reserved("level").build();

    private CategoryRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        CategoryService s = ctx.engine().categories();
        t.get(BASE, READ, r -> ctx.list(r, s.list(ctx.caller(r), r.param("catalogID"), r.queryParam("ParentID"), r.queryParam("depth")),
                Category.class, LIST));
        t.get(BASE + "/{categoryID}", READ, r -> s.get(ctx.caller(r), r.param("catalogID"), r.param("categoryID")));
        t.post(BASE, 201, ADMIN, r -> {
            Category body = ctx.body(r, Category.class);
            return s.save(ctx.caller(r), r.param("catalogID"), body.id(), body, true, adjust(r));
        });
        t.put(BASE + "/{categoryID}", ADMIN, r -> {
            Category body = ctx.body(r, Category.class);
            Ids.requireSame(body.id(), r.param("categoryID"));
            return s.save(ctx.caller(r), r.param("catalogID"), r.param("categoryID"), body, false, adjust(r));
        });
        t.patch(BASE + "/{categoryID}", ADMIN, r -> {
            Category merged = ctx.patch(r, s.get(ctx.caller(r), r.param("catalogID"), r.param("categoryID")), Category.class);
            Ids.requireSame(merged.id(), r.param("categoryID"));
            return s.save(ctx.caller(r), r.param("catalogID"), r.param("categoryID"), merged, false, adjust(r));
        });
        t.delete(BASE + "/{categoryID}", ADMIN, r -> {
            s.delete(ctx.caller(r), r.param("catalogID"), r.param("categoryID"));
            return null;
        });
        registerAssignments(t, ctx, s);
        registerMe(t, ctx, s);
    }

    private static void registerAssignments(RouteTable t, ApiContext ctx, CategoryService s) {
        t.get(BASE + "/assignments", READ, r -> ctx.list(r, s.assignments(ctx.caller(r), r.param("catalogID")).stream()
                .filter(a -> CostCenterRoutes.matches(r.queryParam("categoryID"), a.categoryID())
                        && CostCenterRoutes.matches(r.queryParam("buyerID"), a.buyerID())
                        && CostCenterRoutes.matches(r.queryParam("userGroupID"), a.userGroupID())
                        && Levels.matches(r.queryParam("level"), null, a.userGroupID())).toList(), CategoryAssignment.class, ASSIGNMENTS));
        t.post(BASE + "/assignments", 204, ADMIN, r -> {
            s.assign(ctx.caller(r), r.param("catalogID"), ctx.body(r, CategoryAssignment.class));
            return null;
        });
        t.delete(BASE + "/{categoryID}/assignments", ADMIN, r -> {
            s.unassign(ctx.caller(r), r.param("catalogID"), r.param("categoryID"), Creates.query(r, "buyerID"), r.queryParam("userGroupID"));
            return null;
        });
        t.get(BASE + "/productassignments", READ, r -> ctx.list(r, s.productAssignments(ctx.caller(r), r.param("catalogID")).stream()
                .filter(a -> CostCenterRoutes.matches(r.queryParam("categoryID"), a.categoryID())
                        && CostCenterRoutes.matches(r.queryParam("productID"), a.productID())).toList(), CategoryProductAssignment.class,
                QuerySchema.forType(CategoryProductAssignment.class).reserved("categoryID", "productID").build()));
        t.post(BASE + "/productassignments", 204, ADMIN, r -> {
            s.assignProduct(ctx.caller(r), r.param("catalogID"), ctx.body(r, CategoryProductAssignment.class));
            return null;
        });
        t.delete(BASE + "/{categoryID}/productassignments/{productID}", ADMIN, r -> {
            s.unassignProduct(ctx.caller(r), r.param("catalogID"), r.param("categoryID"), r.param("productID"));
            return null;
        });
        t.get(BASE + "/bundleassignments", READ, r -> {
            s.assignments(ctx.caller(r), r.param("catalogID"));
            return ctx.list(r, List.<CategoryProductAssignment>of(), CategoryProductAssignment.class);
        });
        t.post(BASE + "/bundleassignments", 204, ADMIN, r -> {
            String bundle = r.bodyObject().path("BundleID").asText(null);
            throw bundle == null ? Errors.required("BundleID") : Errors.notFound("Bundle", bundle);
        });
        t.delete(BASE + "/{categoryID}/bundleassignments/{bundleID}", ADMIN, r -> {
            throw Errors.notFound("Bundle", r.param("bundleID"));
        });
    }

    private static void registerMe(RouteTable t, ApiContext ctx, CategoryService s) {
        t.get("v1/me/categories", MeCatalogRoutes.SHOPPER, r -> {
            Caller c = ctx.caller(r);
            List<Category> out = new ArrayList<>();
            for (String catalog : catalogs(s, c, r)) {
                out.addAll(s.list(c, catalog, r.queryParam("ParentID"), r.queryParam("depth")));
            }
            return ctx.list(r, out, Category.class, LIST);
        });
        t.get("v1/me/categories/{categoryID}", MeCatalogRoutes.SHOPPER, r -> {
            Caller c = ctx.caller(r);
            for (String catalog : catalogs(s, c, r)) {
                if (s.visibleTo(c, catalog).contains(r.param("categoryID"))) {
                    return s.get(c, catalog, r.param("categoryID"));
                }
            }
            throw Errors.notFound("Category", r.param("categoryID"));
        });
    }

    /** The catalog named by {@code catalogID} (404 unless it is the buyer's), else every catalog of the buyer. */
    static List<String> catalogs(CategoryService s, Caller c, ApiRequest r) {
        List<String> mine = c.isBuyer() ? s.catalogsOf(c) : List.of();
        String catalogID = r.queryParam("catalogID");
        if (catalogID == null) {
            return mine;
        }
        if (!mine.contains(catalogID)) {
            throw Errors.notFound("Catalog", catalogID);
        }
        return List.of(catalogID);
    }

    private static boolean adjust(ApiRequest r) {
        return Boolean.parseBoolean(r.queryParam("adjustListOrders"));
    }
}
