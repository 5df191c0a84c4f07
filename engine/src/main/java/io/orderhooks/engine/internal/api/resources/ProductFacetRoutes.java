package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.core.model.ProductFacet;
import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.catalog.ProductFacetService;
import java.util.Set;

/**
 * {@code v1/productfacets} (ProductFacetReader / ProductFacetAdmin, marketplace owner users only): the facets product
 * lists count in {@code Meta.Facets} ({@code v1/products}, {@code v1/me/products}).
 */
public final class ProductFacetRoutes {

    static final Set<String> READ = roles("ProductFacetReader", "ProductFacetAdmin");
    static final Set<String> ADMIN = roles("ProductFacetAdmin");
    private static final String ONE = "v1/productfacets/{productFacetID}";

    private ProductFacetRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        ProductFacetService s = new ProductFacetService(ctx.engine().context());
        t.get("v1/productfacets", READ, r -> ctx.list(r, s.list(ctx.caller(r)), ProductFacet.class));
        t.get(ONE, READ, r -> s.get(ctx.caller(r), r.param("productFacetID")));
        t.post("v1/productfacets", 201, ADMIN, r -> {
            ProductFacet body = ctx.body(r, ProductFacet.class);
            return s.save(ctx.caller(r), body.id(), body, true);
        });
        t.put(ONE, ADMIN, r -> {
            ProductFacet body = ctx.body(r, ProductFacet.class);
            Ids.requireSame(body.id(), r.param("productFacetID"));
            return s.save(ctx.caller(r), r.param("productFacetID"), body, false);
        });
        t.patch(ONE, ADMIN, r -> {
            ProductFacet merged = ctx.patch(r, s.get(ctx.caller(r), r.param("productFacetID")), ProductFacet.class);
            Ids.requireSame(merged.id(), r.param("productFacetID"));
            return s.save(ctx.caller(r), r.param("productFacetID"), merged, false);
        });
        t.delete(ONE, ADMIN, r -> {
            s.delete(ctx.caller(r), r.param("productFacetID"));
            return null;
        });
    }
}
