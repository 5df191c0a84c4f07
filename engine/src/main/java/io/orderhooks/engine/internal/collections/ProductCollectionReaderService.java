package io.orderhooks.engine.internal.collections;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.catalog.ProductAccess;
import io.orderhooks.engine.internal.collections.internal.CollectionTables;
import io.orderhooks.engine.internal.collections.internal.StoredCollection;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.Product;
import io.orderhooks.core.model.ProductCollection;
import io.orderhooks.core.model.ProductCollectionProduct;
import io.orderhooks.core.model.Supplier;
import java.util.List;
import java.util.function.Predicate;

/**
 * The {@code ProductCollectionReader} role ({@code v1/buyers/{buyerID}/productcollections[...]}): every
 * collection of a buyer, whatever its access level, for
 * <ul>
 *   <li>the marketplace owner: any buyer; every entry;</li>
 *   <li>a supplier: a buyer it sells to, that is when the supplier has {@code AllBuyersCanOrder} or is assigned
 *       to the buyer ({@code PUT v1/suppliers/{supplierID}/buyers/{buyerID}}); only entries for products it may
 *       sell ({@code OwnerID} or {@code DefaultSupplierID} is the supplier);</li>
 *   <li>a buyer user: its own buyer; only entries for products visible to it.</li>
 * </ul>
 * Any other buyer is 404 {@code NotFound}; a caller without the role gets 403 {@code Auth.InsufficientRoles}.
 * Thread-safe, read-only.
 */
public final class ProductCollectionReaderService {

    public static final String ROLE = "ProductCollectionReader";

    private final EngineContext ctx;
    private final ProductAccess products;
    private final ProductCollectionService collections;

    public ProductCollectionReaderService(EngineContext ctx, ProductCollectionService collections) {
        this.ctx = ctx;
        this.products = new ProductAccess(ctx);
        this.collections = collections;
    }

    public List<ProductCollection> list(Caller caller, String buyerID) {
        requireReach(caller, buyerID);
        return ctx.store().table(CollectionTables.COLLECTIONS).listWithPrefix(buyerID + "/").stream()
                .map(StoredCollection::collection).toList();
    }

    public ProductCollection get(Caller caller, String buyerID, String collectionID) {
        return find(caller, buyerID, collectionID).collection();
    }

    /** The collection's entries the caller may see, by {@code ListOrder}. */
    public List<ProductCollectionProduct> listEntries(Caller caller, String buyerID, String collectionID) {
        StoredCollection c = find(caller, buyerID, collectionID);
        Predicate<Product> maySee = entryFilter(caller);
        return collections.sortedEntries(c).stream()
                .flatMap(e -> ctx.store().table(Tables.PRODUCTS).find(e.productID()).filter(maySee).stream()
                        .map(p -> new ProductCollectionProduct(e.listOrder(), e.dateAdded(), p)))
                .toList();
    }

    private StoredCollection find(Caller caller, String buyerID, String collectionID) {
        requireReach(caller, buyerID);
        return ctx.store().table(CollectionTables.COLLECTIONS).find(Table.key(buyerID, collectionID))
                .orElseThrow(() -> CollectionAccess.notFound(collectionID));
    }

    private Predicate<Product> entryFilter(Caller caller) {
        if (caller.isSeller()) {
            return p -> true;
        }
        if (caller.isSupplier()) {
            return p -> maySell(caller.companyID(), p);
        }
        return p -> products.visible(caller, p.id()).isPresent();
    }

    /** 403 without the role; 404 for a buyer the caller may not read. */
    private void requireReach(Caller caller, String buyerID) {
        if (!caller.hasRole(ROLE)) {
            throw new OrderCloudException(403, "Auth.InsufficientRoles", "The " + ROLE + " role is required");
        }
        boolean exists = ctx.store().table(Tables.BUYERS).find(buyerID).isPresent();
        boolean reaches = exists && (caller.isSeller()
                || (caller.isBuyer() && caller.companyID().equals(buyerID))
                || (caller.isSupplier() && sellsTo(caller.companyID(), buyerID)));
        if (!reaches) {
            throw Errors.notFound("Buyer", buyerID);
        }
    }

    private boolean sellsTo(String supplierID, String buyerID) {
        boolean allBuyers = ctx.store().table(Tables.SUPPLIERS).find(supplierID).map(Supplier::allBuyersCanOrder)
                .map(Boolean.TRUE::equals).orElse(false);
        return allBuyers || ctx.store().table(Tables.SUPPLIER_BUYERS).find(Table.key(supplierID, buyerID)).isPresent();
    }

    private static boolean maySell(String supplierID, Product p) {
        return supplierID.equals(p.ownerID()) || supplierID.equals(p.defaultSupplierID());
    }
}
