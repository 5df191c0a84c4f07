package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.catalog.CatalogAdmin;
import io.orderhooks.engine.internal.catalog.CatalogService;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.Catalog;
import io.orderhooks.core.model.CatalogAssignment;
import io.orderhooks.core.model.ProductCatalogAssignment;
import io.orderhooks.core.model.Spec;
import io.orderhooks.core.model.SpecOption;
import io.orderhooks.core.model.SpecProductAssignment;
import java.util.Set;

/** {@code v1/catalogs} (+ assignments, productassignments; CatalogAdmin / CatalogReader) and {@code v1/specs} (+ options, productassignments; ProductAdmin / ProductReader). */
public final class CatalogRoutes {

    static final Set<String> READ = roles("CatalogReader", "CatalogAdmin");
    static final Set<String> ADMIN = roles("CatalogAdmin");

    private CatalogRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        CatalogService catalog = ctx.engine().catalog();
        CatalogAdmin admin = new CatalogAdmin(ctx.engine().context(), catalog);
        t.get("v1/catalogs", READ, r -> ctx.list(r, catalog.listCatalogs(ctx.caller(r)), Catalog.class));
        t.post("v1/catalogs", 201, ADMIN, r -> {
            Catalog body = ctx.body(r, Catalog.class);
            Creates.requireNew(ctx, Tables.CATALOGS, body.id(), "Catalog");
            return catalog.saveCatalog(ctx.caller(r), body, true);
        });
        t.get("v1/catalogs/{catalogID}", READ, r -> admin.getCatalog(ctx.caller(r), r.param("catalogID")));
        t.put("v1/catalogs/{catalogID}", ADMIN, r -> {
            Catalog body = ctx.body(r, Catalog.class);
            Ids.requireSame(body.id(), r.param("catalogID"));
            return catalog.saveCatalog(ctx.caller(r), body.toBuilder().id(r.param("catalogID")).build());
        });
        t.patch("v1/catalogs/{catalogID}", ADMIN, r -> {
            Caller c = ctx.caller(r);
            Catalog merged = ctx.patch(r, admin.getCatalog(c, r.param("catalogID")), Catalog.class);
            Ids.requireSame(merged.id(), r.param("catalogID"));
            return catalog.saveCatalog(c, merged);
        });
        t.delete("v1/catalogs/{catalogID}", ADMIN, r -> {
            admin.deleteCatalog(ctx.caller(r), r.param("catalogID"));
            return null;
        });
        t.get("v1/catalogs/assignments", READ, r -> ctx.list(r, admin.listCatalogAssignments(ctx.caller(r)), CatalogAssignment.class));
        t.post("v1/catalogs/assignments", 204, ADMIN, r -> {
            catalog.assignCatalog(ctx.caller(r), ctx.body(r, CatalogAssignment.class));
            return null;
        });
        t.delete("v1/catalogs/{catalogID}/assignments", ADMIN, r -> {
            admin.unassignCatalog(ctx.caller(r), r.param("catalogID"), Creates.query(r, "buyerID"));
            return null;
        });
        t.get("v1/catalogs/productassignments", READ,
                r -> ctx.list(r, admin.listProductCatalogAssignments(ctx.caller(r)), ProductCatalogAssignment.class));
        t.post("v1/catalogs/productassignments", 204, ADMIN, r -> {
            catalog.assignProductToCatalog(ctx.caller(r), ctx.body(r, ProductCatalogAssignment.class));
            return null;
        });
        t.delete("v1/catalogs/{catalogID}/productassignments/{productID}", ADMIN, r -> {
            admin.unassignProductFromCatalog(ctx.caller(r), r.param("catalogID"), r.param("productID"));
            return null;
        });
        registerSpecs(t, ctx, catalog, admin);
    }

    private static void registerSpecs(RouteTable t, ApiContext ctx, CatalogService catalog, CatalogAdmin admin) {
        Set<String> read = ProductRoutes.READ;
        Set<String> write = ProductRoutes.ADMIN;
        t.get("v1/specs", read, r -> withOptions(ctx, ctx.list(r, admin.listSpecs(ctx.caller(r)), Spec.class)));
        t.post("v1/specs", 201, write, r -> {
            Spec body = ctx.body(r, Spec.class);
            Creates.requireNew(ctx, Tables.SPECS, body.id(), "Spec");
            return MeCatalogRoutes.buyerSpec(ctx, catalog.saveSpec(ctx.caller(r), body, true));
        });
        t.get("v1/specs/{specID}", read, r -> MeCatalogRoutes.buyerSpec(ctx, admin.getSpec(ctx.caller(r), r.param("specID"))));
        t.put("v1/specs/{specID}", write, r -> {
            Spec body = ctx.body(r, Spec.class);
            Ids.requireSame(body.id(), r.param("specID"));
            return MeCatalogRoutes.buyerSpec(ctx, catalog.saveSpec(ctx.caller(r), body.toBuilder().id(r.param("specID")).build()));
        });
        t.patch("v1/specs/{specID}", write, r -> {
            Caller c = ctx.caller(r);
            Spec merged = ctx.patch(r, admin.getSpec(c, r.param("specID")), Spec.class);
            Ids.requireSame(merged.id(), r.param("specID"));
            return MeCatalogRoutes.buyerSpec(ctx, catalog.saveSpec(c, merged));
        });
        t.delete("v1/specs/{specID}", write, r -> {
            admin.deleteSpec(ctx.caller(r), r.param("specID"));
            return null;
        });
        t.get("v1/specs/{specID}/options", read, r -> {
            admin.getSpec(ctx.caller(r), r.param("specID"));
            return ctx.list(r, catalog.specOptions(r.param("specID")), SpecOption.class);
        });
        t.post("v1/specs/{specID}/options", 201, write, r -> catalog.saveSpecOption(ctx.caller(r), r.param("specID"), ctx.body(r, SpecOption.class)));
        t.get("v1/specs/{specID}/options/{optionID}", read, r -> admin.getSpecOption(ctx.caller(r), r.param("specID"), r.param("optionID")));
        t.put("v1/specs/{specID}/options/{optionID}", write, r -> {
            SpecOption body = ctx.body(r, SpecOption.class);
            Ids.requireSame(body.id(), r.param("optionID"));
            return catalog.saveSpecOption(ctx.caller(r), r.param("specID"), body.toBuilder().id(r.param("optionID")).build());
        });
        t.patch("v1/specs/{specID}/options/{optionID}", write, r -> {
            Caller c = ctx.caller(r);
            SpecOption merged = ctx.patch(r, admin.getSpecOption(c, r.param("specID"), r.param("optionID")), SpecOption.class);
            Ids.requireSame(merged.id(), r.param("optionID"));
            return catalog.saveSpecOption(c, r.param("specID"), merged);
        });
        t.delete("v1/specs/{specID}/options/{optionID}", write, r -> {
            admin.deleteSpecOption(ctx.caller(r), r.param("specID"), r.param("optionID"));
            return null;
        });
        t.get("v1/specs/productassignments", read, r -> ctx.list(r, admin.listSpecAssignments(ctx.caller(r)), SpecProductAssignment.class));
        t.post("v1/specs/productassignments", 204, write, r -> {
            catalog.assignSpec(ctx.caller(r), ctx.body(r, SpecProductAssignment.class));
            return null;
        });
        t.delete("v1/specs/{specID}/productassignments/{productID}", write, r -> {
            admin.unassignSpec(ctx.caller(r), r.param("specID"), r.param("productID"));
            return null;
        });
    }

    /** A page of specs as the SDK declares them: each with its {@code Options}, by {@code ListOrder}. */
    static io.orderhooks.core.model.ListPage<com.fasterxml.jackson.databind.node.ObjectNode> withOptions(ApiContext ctx,
            io.orderhooks.core.model.ListPage<Spec> page) {
        return new io.orderhooks.core.model.ListPage<>(page.meta(), page.items().stream().map(s -> MeCatalogRoutes.buyerSpec(ctx, s)).toList());
    }
}
