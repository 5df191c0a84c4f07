package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.ApiRequest;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.collections.ProductCollectionInvitationService;
import io.orderhooks.engine.internal.collections.ProductCollectionReaderService;
import io.orderhooks.engine.internal.collections.ProductCollectionService;
import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.query.PropertyReaders;
import io.orderhooks.engine.internal.query.QuerySchema;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.ListPage;
import io.orderhooks.core.model.ProductCollection;
import io.orderhooks.core.model.ProductCollectionBuyerProduct;
import io.orderhooks.core.model.ProductCollectionEntry;
import io.orderhooks.core.model.ProductCollectionInvitation;
import io.orderhooks.core.model.ProductCollectionProduct;
import java.util.List;

/**
 * Product collections: {@code v1/me/productcollections[...]} (role {@code Shopper}; anonymous shopper tokens may
 * read Public and Shareable collections) and the reader role's {@code v1/buyers/{buyerID}/productcollections[...]}
 * ({@code ProductCollectionReader}). Every rule lives in the engine's {@code engine.collections} services; this
 * class only adapts requests. Accept, decline and entry writes answer 204. Entry lists keep {@code ListOrder}
 * unless {@code sortBy} says otherwise.
 */
public final class ProductCollectionRoutes {

    private static final String ME = "v1/me/productcollections";
    private static final String ONE = ME + "/{productCollectionID}";
    private static final String INVITATIONS = ONE + "/invitations";
    private static final String READER = "v1/buyers/{buyerID}/productcollections";
    /** A shopper's entries carry the applicable {@code PriceSchedule}. */
    private static final QuerySchema BUYER_ENTRIES = QuerySchema.forType(ProductCollectionBuyerProduct.class)
            .resourceName("ProductCollectionEntry").defaultSortBy("ListOrder").build();
    /** A reader's entries have no {@code PriceSchedule}, so it cannot be filtered, searched or sorted on. */
    private static final QuerySchema READER_ENTRIES = QuerySchema.forType(ProductCollectionProduct.class)
            .resourceName("ProductCollectionEntry").defaultSortBy("ListOrder").build();

    private ProductCollectionRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        collections(t, ctx);
        invitations(t, ctx);
        reader(t, ctx);
    }

    private static void collections(RouteTable t, ApiContext ctx) {
        ProductCollectionService svc = ctx.engine().productCollections();
        var shopper = roles("Shopper");
        t.get(ME, shopper, r -> ctx.list(r, svc.list(ctx.caller(r)), ProductCollection.class));
        t.post(ME, 201, shopper, r -> svc.create(ctx.caller(r), ctx.body(r, ProductCollection.class)));
        t.get(ONE, shopper, r -> svc.get(ctx.caller(r), id(r)));
        t.put(ONE, shopper, r -> svc.save(ctx.caller(r), id(r), ctx.body(r, ProductCollection.class)));
        t.patch(ONE, shopper, r -> {
            Caller c = ctx.caller(r);
            return svc.save(c, id(r), ctx.patch(r, svc.get(c, id(r)), ProductCollection.class));
        });
        t.delete(ONE, shopper, r -> {
            svc.delete(ctx.caller(r), id(r));
            return null;
        });
        t.get(ONE + "/products", shopper, r -> entries(r, svc.listEntries(ctx.caller(r), id(r)), BUYER_ENTRIES));
        t.post(ONE + "/products", 204, shopper, r -> {
            svc.addEntry(ctx.caller(r), id(r), ctx.body(r, ProductCollectionEntry.class));
            return null;
        });
        t.put(ONE + "/{productID}", shopper, r -> {
            Integer order = r.hasBody() ? ctx.body(r, ProductCollectionEntry.class).listOrder() : null;
            svc.addEntry(ctx.caller(r), id(r), new ProductCollectionEntry(r.param("productID"), order));
            return null;
        });
        t.delete(ONE + "/{productID}", shopper, r -> {
            svc.removeEntry(ctx.caller(r), id(r), r.param("productID"));
            return null;
        });
    }

    private static void invitations(RouteTable t, ApiContext ctx) {
        ProductCollectionInvitationService svc = ctx.engine().productCollectionInvitations();
        var shopper = roles("Shopper");
        String oneInvitation = INVITATIONS + "/{invitationID}";
        t.get(INVITATIONS, shopper, r -> ctx.list(r, svc.list(ctx.caller(r), id(r)), ProductCollectionInvitation.class));
        t.post(INVITATIONS, 201, shopper, r -> svc.create(ctx.caller(r), id(r), ctx.body(r, ProductCollectionInvitation.class)));
        t.get(oneInvitation, shopper, r -> svc.get(ctx.caller(r), id(r), r.param("invitationID")));
        t.patch(oneInvitation, shopper, r -> {
            Caller c = ctx.caller(r);
            ProductCollectionInvitation current = svc.get(c, id(r), r.param("invitationID"));
            return svc.update(c, id(r), r.param("invitationID"), ctx.patch(r, current, ProductCollectionInvitation.class));
        });
        t.delete(oneInvitation, shopper, r -> {
            svc.delete(ctx.caller(r), id(r), r.param("invitationID"));
            return null;
        });
        t.post(INVITATIONS + "/accept/{invitationID}", 204, shopper, r -> {
            svc.accept(ctx.caller(r), id(r), r.param("invitationID"));
            return null;
        });
        t.post(INVITATIONS + "/decline/{invitationID}", 204, shopper, r -> {
            svc.decline(ctx.caller(r), id(r), r.param("invitationID"));
            return null;
        });
    }

    private static void reader(RouteTable t, ApiContext ctx) {
        ProductCollectionReaderService svc = ctx.engine().productCollectionReader();
        var role = roles(ProductCollectionReaderService.ROLE);
        t.get(READER, role, r -> ctx.list(r, svc.list(ctx.caller(r), r.param("buyerID")), ProductCollection.class));
        t.get(READER + "/{productCollectionID}", role, r -> svc.get(ctx.caller(r), r.param("buyerID"), id(r)));
        t.get(READER + "/{productCollectionID}/products", role,
                r -> entries(r, svc.listEntries(ctx.caller(r), r.param("buyerID"), id(r)), READER_ENTRIES));
    }

    /** Entries as flat JSON (product fields, ListOrder, DateAdded), filtered, sorted and paged by the query. */
    private static ListPage<JsonNode> entries(ApiRequest r, List<?> entries, QuerySchema schema) {
        List<JsonNode> flat = entries.stream().map(e -> (JsonNode) OrderCloudJson.mapper().valueToTree(e)).toList();
        return ListQuery.parse(r.query(), schema).apply(flat, PropertyReaders.forJson());
    }

    private static String id(ApiRequest r) {
        return r.param("productCollectionID");
    }

}
