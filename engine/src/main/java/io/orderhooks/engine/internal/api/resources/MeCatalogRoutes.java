package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.catalog.CatalogAdmin;
import io.orderhooks.engine.internal.catalog.ProductAccess;
import io.orderhooks.engine.internal.catalog.ProductCounts;
import io.orderhooks.engine.internal.query.QuerySchema;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.BuyerSupplier;
import io.orderhooks.core.model.Catalog;
import io.orderhooks.core.model.ListPage;
import io.orderhooks.core.model.Product;
import io.orderhooks.core.model.Promotion;
import io.orderhooks.core.model.Shipment;
import io.orderhooks.core.model.ShipmentItem;
import io.orderhooks.core.model.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The buyer's views: {@code v1/me/products} (OrderCloud's BuyerProduct: the product's fields plus the
 * {@code PriceSchedule} that applies to the caller), their specs (BuyerSpec: the spec plus its {@code Options})
 * and sellers, {@code v1/me/catalogs}, {@code v1/me/promotions} and {@code v1/me/shipments}. Products a caller
 * cannot see are 404.
 */
public final class MeCatalogRoutes {

    static final Set<String> SHOPPER = roles("Shopper");
    /** OrderCloud's me/products parameters that are not filters. */
    static final QuerySchema PRODUCTS = QuerySchema.forType(Product.class)
            .reserved("catalogID", "categoryID", "depth", "searchType", "sellerID").build();

    private MeCatalogRoutes() {}

    /**
     * {@code categoryID} (with {@code depth}, default all levels below it): the IDs of products in a category the
     * buyer user sees, in the named catalog or any of theirs; null without {@code categoryID}; 404 for a category
     * the user cannot see.
     */
    private static java.util.Set<String> inCategory(ApiContext ctx, Caller c, io.orderhooks.engine.internal.api.ApiRequest r) {
        String categoryID = r.queryParam("categoryID");
        if (categoryID == null) {
            return null;
        }
        var categories = ctx.engine().categories();
        for (String catalog : CategoryRoutes.catalogs(categories, c, r)) {
            if (categories.visibleTo(c, catalog).contains(categoryID)) {
                return categories.productsIn(catalog, categoryID, r.queryParam("depth"));
            }
        }
        throw Errors.notFound("Category", categoryID);
    }

    public static void register(RouteTable t, ApiContext ctx) {
        ProductAccess access = new ProductAccess(ctx.engine().context());
        t.get("v1/me/products", SHOPPER, r -> {
            Caller c = ctx.caller(r);
            String catalogID = r.queryParam("catalogID");
            java.util.Set<String> inCategory = inCategory(ctx, c, r);
            List<Product> visible = ctx.engine().catalog().listProducts(c).stream()
                    .filter(p -> catalogID == null || ctx.engine().context().store().table(Tables.PRODUCT_CATALOGS)
                            .find(Table.key(catalogID, p.id())).isPresent())
                    .filter(p -> inCategory == null || inCategory.contains(p.id()))
                    .toList();
            ListPage<Product> page = ctx.productList(r, visible, PRODUCTS);
            List<ObjectNode> items = new ArrayList<>();
            page.items().forEach(p -> items.add(buyerProduct(ctx, access.visible(c, p.id())
                    .orElseThrow(() -> Errors.notFound("Product", p.id())), p)));
            return new ListPage<>(page.meta(), items);
        });
        t.get("v1/me/products/{productID}", SHOPPER, r -> buyerProduct(ctx, access, ctx.caller(r), r.param("productID")));
        t.get("v1/me/products/{productID}/specs", SHOPPER, r -> {
            Caller c = ctx.caller(r);
            ListPage<Spec> page = ctx.list(r, ctx.engine().catalog().productSpecs(c, r.param("productID")), Spec.class);
            return new ListPage<>(page.meta(), page.items().stream().map(s -> buyerSpec(ctx, s)).toList());
        });
        t.get("v1/me/products/{productID}/specs/{specID}", SHOPPER, r -> {
            Spec spec = ctx.engine().catalog().productSpecs(ctx.caller(r), r.param("productID")).stream()
                    .filter(s -> s.id().equals(r.param("specID"))).findFirst()
                    .orElseThrow(() -> Errors.notFound("Spec", r.param("specID")));
            return buyerSpec(ctx, spec);
        });
        t.get("v1/me/products/{productID}/sellers", SHOPPER, r -> {
            Caller c = ctx.caller(r);
            Product p = ctx.engine().catalog().getProduct(c, r.param("productID"));
            List<String> sellerIDs = new ArrayList<>(new CatalogAdmin(ctx.engine().context(), ctx.engine().catalog())
                    .productSuppliers(c, p.id()).stream().map(s -> s.id()).toList());
            sellerIDs.add(p.ownerID());
            List<BuyerSupplier> sellers = Sellers.of(ctx, c.companyID()).stream().filter(s -> sellerIDs.contains(s.id())).toList();
            return ctx.list(r, sellers, BuyerSupplier.class);
        });
        t.get("v1/me/catalogs", SHOPPER, r -> ctx.list(r, buyerOnly(ctx.caller(r)) ? ctx.engine().catalog().listCatalogs(ctx.caller(r)) : List.of(), Catalog.class));
        t.get("v1/me/catalogs/{catalogID}", SHOPPER, r -> {
            Caller c = ctx.caller(r);
            return (buyerOnly(c) ? ctx.engine().catalog().listCatalogs(c) : List.<Catalog>of()).stream()
                    .filter(x -> x.id().equals(r.param("catalogID"))).findFirst()
                    .orElseThrow(() -> Errors.notFound("Catalog", r.param("catalogID")));
        });
        t.get("v1/me/promotions", SHOPPER, r -> ctx.list(r, buyerOnly(ctx.caller(r)) ? ctx.engine().promotions().list(ctx.caller(r)) : List.of(), Promotion.class));
        t.get("v1/me/promotions/{promotionID}", SHOPPER, r -> {
            Caller c = ctx.caller(r);
            if (!buyerOnly(c)) {
                throw Errors.notFound("Promotion", r.param("promotionID"));
            }
            return ctx.engine().promotions().get(c, r.param("promotionID"));
        });
        t.get("v1/me/shipments", SHOPPER, r -> ctx.list(r, ctx.engine().buyerShipments().listMine(ctx.caller(r)), Shipment.class));
        t.get("v1/me/shipments/{shipmentID}", SHOPPER, r -> ctx.engine().buyerShipments().getMine(ctx.caller(r), r.param("shipmentID")));
        t.get("v1/me/shipments/{shipmentID}/items", SHOPPER,
                r -> ctx.list(r, ctx.engine().buyerShipments().listMyItems(ctx.caller(r), r.param("shipmentID")), ShipmentItem.class));
    }

    private static boolean buyerOnly(Caller c) {
        return c.isBuyer();
    }

    /** BuyerProduct: the product plus the caller's price schedule (null when none applies). */
    static ObjectNode buyerProduct(ApiContext ctx, ProductAccess access, Caller c, String productID) {
        ProductAccess.Visible v = access.visible(c, productID).orElseThrow(() -> Errors.notFound("Product", productID));
        return buyerProduct(ctx, v, new ProductCounts(ctx.engine().context()).of(v.product()));
    }

    /** The BuyerProduct of {@code product} (already with its counts) as {@code v} makes it visible. */
    private static ObjectNode buyerProduct(ApiContext ctx, ProductAccess.Visible v, Product product) {
        ObjectNode node = OrderCloudJson.mapper().valueToTree(product);
        node.remove(java.util.List.of("OwnerID", "DefaultPriceScheduleID", "AutoForward")); // not on the SDK's BuyerProduct
        node.set("PriceSchedule", v.priceScheduleID() == null ? null : OrderCloudJson.mapper().valueToTree(
                ctx.engine().context().store().table(Tables.PRICE_SCHEDULES).find(v.priceScheduleID()).orElse(null)));
        return node;
    }

    /** BuyerSpec: the spec plus its options by {@code ListOrder}. */
    static ObjectNode buyerSpec(ApiContext ctx, Spec s) {
        ObjectNode node = OrderCloudJson.mapper().valueToTree(s);
        node.set("Options", OrderCloudJson.mapper().valueToTree(ctx.engine().catalog().specOptions(s.id()).stream()
                .sorted(java.util.Comparator.comparing(o -> o.listOrder() == null ? 0 : o.listOrder())).toList()));
        return node;
    }
}
