package io.orderhooks.engine.internal.collections;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.catalog.ProductAccess;
import io.orderhooks.engine.internal.collections.CollectionAccess.Related;
import io.orderhooks.engine.internal.collections.CollectionAccess.Relation;
import io.orderhooks.engine.internal.collections.internal.CollectionTables;
import io.orderhooks.engine.internal.collections.internal.StoredCollection;
import io.orderhooks.engine.internal.collections.internal.StoredEntry;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.PriceSchedule;
import io.orderhooks.core.model.ProductCollection;
import io.orderhooks.core.model.ProductCollectionBuyerProduct;
import io.orderhooks.core.model.ProductCollectionEntry;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A shopper's product collections ({@code v1/me/productcollections}). The owner has full control; an accepted
 * invitee reads the collection and, with an {@code Admin} invitation, adds and removes entries; any user of
 * the owner's buyer, anonymous included, lists {@code Public} collections and reads {@code Public} and
 * {@code Shareable} ones by ID. Everyone else gets 404 {@code NotFound}; a reader who tries an owner's action
 * gets 403 {@code Auth.UserNotAuthorizedToAdmin}; anonymous shoppers writing get 403
 * {@code ProductCollection.RequiresRegisteredUser}; non-buyer callers get 403.
 *
 * <p>Entries: only a product the adder can see (as {@code GET v1/me/products}) can be added, else 404
 * {@code NotFound}; adding an existing entry updates its {@code ListOrder} (omitted: unchanged, or last for a
 * new entry). Entries are listed by {@code ListOrder}, then date added, and only those the reader can see.
 *
 * <p>Thread-safe; every call is atomic on its own record. Deleting a collection also deletes its entries and
 * invitations.
 */
public final class ProductCollectionService {

    private final EngineContext ctx;
    private final CollectionAccess access;
    private final ProductAccess products;

    public ProductCollectionService(EngineContext ctx) {
        this.ctx = ctx;
        this.access = new CollectionAccess(ctx);
        this.products = new ProductAccess(ctx);
    }

    private Repository<StoredCollection> collections() {
        return ctx.store().table(CollectionTables.COLLECTIONS);
    }

    private Repository<StoredEntry> entries() {
        return ctx.store().table(CollectionTables.ENTRIES);
    }

    /** The caller's own collections, those shared with it by an accepted invitation, and its buyer's Public ones. */
    public List<ProductCollection> list(Caller caller) {
        CollectionAccess.requireBuyer(caller);
        return collections().listWithPrefix(caller.companyID() + "/").stream()
                .filter(c -> {
                    Relation r = access.relation(caller, c);
                    return r == Relation.OWNER || r == Relation.ADMIN || r == Relation.MEMBER
                            || AccessLevel.parse(c.collection().accessLevel()) == AccessLevel.Public;
                })
                .map(StoredCollection::collection).toList();
    }

    public ProductCollection get(Caller caller, String collectionID) {
        return access.readable(caller, collectionID).collection().collection();
    }

    /** Creates a collection owned by the caller; the ID is generated when absent; 409 {@code IdExists} when taken. */
    public ProductCollection create(Caller caller, ProductCollection body) {
        CollectionAccess.requireRegistered(caller);
        String id = body.id() == null ? ctx.ids().next() : CollectionAccess.validID(body.id());
        StoredCollection stored = new StoredCollection(caller.companyID(), caller.userID(), ctx.now(), valid(id, body));
        collections().insert(Table.key(caller.companyID(), id), stored);
        return stored.collection();
    }

    /**
     * PUT: creates the collection (owned by the caller) or replaces the caller's own. An ID taken by another
     * user's collection is 409 {@code IdExists} when the caller cannot read it, else 403.
     */
    public ProductCollection save(Caller caller, String collectionID, ProductCollection body) {
        CollectionAccess.requireRegistered(caller);
        CollectionAccess.validID(collectionID);
        ProductCollection next = valid(collectionID, body);
        String key = Table.key(caller.companyID(), collectionID);
        Optional<StoredCollection> existing = collections().find(key);
        if (existing.isEmpty()) {
            collections().insert(key, new StoredCollection(caller.companyID(), caller.userID(), ctx.now(), next));
            return next;
        }
        Relation r = access.relation(caller, existing.get());
        if (r != Relation.OWNER) {
            throw r.canRead() ? Errors.forbidden("only the owner of product collection " + collectionID + " may change it")
                    : new OrderCloudException(409, "IdExists", "ProductCollection already exists: " + collectionID);
        }
        return collections().update(key, c -> {
            if (!c.ownerUserID().equals(caller.userID())) {
                throw CollectionAccess.notFound(collectionID);
            }
            return c.with(next);
        }).collection();
    }

    /** Deletes the caller's own collection with its entries and invitations. */
    public void delete(Caller caller, String collectionID) {
        StoredCollection c = access.owned(caller, collectionID);
        String prefix = Table.key(c.buyerID(), c.id());
        collections().delete(prefix);
        ctx.store().table(CollectionTables.ENTRIES).listWithPrefix(prefix + "/")
                .forEach(e -> entries().delete(Table.key(prefix, e.productID())));
        ctx.store().table(CollectionTables.INVITATIONS).listWithPrefix(prefix + "/")
                .forEach(i -> ctx.store().table(CollectionTables.INVITATIONS).delete(Table.key(prefix, i.id())));
    }

    /** The entries the caller may see, with the price schedule that applies to it. */
    public List<ProductCollectionBuyerProduct> listEntries(Caller caller, String collectionID) {
        StoredCollection c = access.readable(caller, collectionID).collection();
        return sortedEntries(c).stream()
                .flatMap(e -> products.visible(caller, e.productID()).stream().map(v -> new ProductCollectionBuyerProduct(
                        e.listOrder(), e.dateAdded(), schedule(v.priceScheduleID()), v.product())))
                .toList();
    }

    /** Adds (or re-orders) an entry: the owner or an admin invitee, for a product it can see. */
    public void addEntry(Caller caller, String collectionID, ProductCollectionEntry entry) {
        if (entry == null || entry.productID() == null || entry.productID().isBlank()) {
            throw Errors.required("ProductID");
        }
        StoredCollection c = editable(caller, collectionID);
        if (products.visible(caller, entry.productID()).isEmpty()) {
            throw Errors.notFound("Product", entry.productID());
        }
        String key = Table.key(c.buyerID(), c.id(), entry.productID());
        Optional<StoredEntry> existing = entries().find(key);
        int order = entry.listOrder() != null ? entry.listOrder()
                : existing.map(StoredEntry::listOrder).orElseGet(() -> nextListOrder(c));
        entries().put(key, new StoredEntry(entry.productID(), order,
                existing.map(StoredEntry::dateAdded).orElse(ctx.now())));
    }

    /** Removes an entry: the owner or an admin invitee; 404 when the collection has no such entry. */
    public void removeEntry(Caller caller, String collectionID, String productID) {
        StoredCollection c = editable(caller, collectionID);
        if (!entries().delete(Table.key(c.buyerID(), c.id(), productID))) {
            throw Errors.notFound("ProductCollectionEntry", productID);
        }
    }

    private StoredCollection editable(Caller caller, String collectionID) {
        CollectionAccess.requireRegistered(caller);
        Related r = access.readable(caller, collectionID);
        if (!r.relation().canEditEntries()) {
            throw Errors.forbidden("only the owner or an admin invitee may change the entries of " + collectionID);
        }
        return r.collection();
    }

    /** Entries in list order, then date added (insertion order breaks ties). */
    List<StoredEntry> sortedEntries(StoredCollection c) {
        return entries().listWithPrefix(Table.key(c.buyerID(), c.id()) + "/").stream()
                .sorted(Comparator.comparingInt(StoredEntry::listOrder).thenComparing(StoredEntry::dateAdded)).toList();
    }

    private int nextListOrder(StoredCollection c) {
        return sortedEntries(c).stream().mapToInt(StoredEntry::listOrder).max().orElse(0) + 1;
    }

    private PriceSchedule schedule(String id) {
        return id == null ? null : ctx.store().table(Tables.PRICE_SCHEDULES).find(id).orElse(null);
    }

    private static ProductCollection valid(String id, ProductCollection body) {
        if (body.name() == null || body.name().isBlank()) {
            throw Errors.required("Name");
        }
        return new ProductCollection(id, body.name(), body.xp(), AccessLevel.parse(body.accessLevel()).name());
    }
}
