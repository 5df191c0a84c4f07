package io.orderhooks.engine.internal.catalog;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.Catalog;
import io.orderhooks.core.model.CatalogAssignment;
import io.orderhooks.core.model.PriceBreak;
import io.orderhooks.core.model.PriceSchedule;
import io.orderhooks.core.model.Product;
import io.orderhooks.core.model.ProductAssignment;
import io.orderhooks.core.model.ProductCatalogAssignment;
import io.orderhooks.core.model.Spec;
import io.orderhooks.core.model.SpecOption;
import io.orderhooks.core.model.SpecProductAssignment;
import java.util.HashSet;
import java.util.List;

/**
 * The seller's catalog administration: products, price schedules, specs and options, catalogs and the
 * assignments that make products visible. Writes require a seller caller; reads of products by buyers and
 * suppliers go through {@link ProductAccess}. Thread-safe; each call is atomic on its own resource.
 *
 * <p>Creates return 409 {@code IdExists} for a taken ID and generate an ID when none is given; {@code save}
 * is PUT (create or replace). PATCH is left to the API layer (merge onto {@code get}, then {@code save}).
 */
public final class CatalogService {

    private final EngineContext ctx;

    public CatalogService(EngineContext ctx) {
        this.ctx = ctx;
    }

    private <T> Repository<T> t(Table<T> table) {
        return ctx.store().table(table);
    }

    // ---- products

    public Product createProduct(Caller caller, Product p) {
        Errors.requireSeller(caller);
        Product stored = validProduct(p.toBuilder().id(idOr(p.id())).ownerID(caller.companyID()).dateCreated(ctx.now())
                .variantCount(0).build());
        t(Tables.PRODUCTS).insert(stored.id(), stored);
        return new ProductCounts(ctx).of(stored);
    }

    public Product saveProduct(Caller caller, String productID, Product p) {
        Errors.requireSeller(caller);
        java.util.Optional<Product> old = t(Tables.PRODUCTS).find(productID);
        java.time.OffsetDateTime created = old.map(Product::dateCreated).orElse(ctx.now());
        Product stored = validProduct(p.toBuilder().id(productID).ownerID(caller.companyID()).dateCreated(created)
                .variantCount(old.map(Product::variantCount).orElse(0)).build()); // read-only: kept by variant generation
        t(Tables.PRODUCTS).put(productID, stored);
        return new ProductCounts(ctx).of(stored);
    }

    /** A product as the caller may see it: seller all, supplier its own, buyer only visible ones. */
    public Product getProduct(Caller caller, String productID) {
        Product p = t(Tables.PRODUCTS).find(productID).orElseThrow(() -> Errors.notFound("Product", productID));
        if (caller.isSeller() || (caller.isSupplier() && caller.companyID().equals(p.defaultSupplierID()))) {
            return new ProductCounts(ctx).of(p);
        }
        if (caller.isBuyer() && new ProductAccess(ctx).visible(caller, productID).isPresent()) {
            return new ProductCounts(ctx).of(p);
        }
        throw Errors.notFound("Product", productID);
    }

    public List<Product> listProducts(Caller caller) {
        ProductAccess access = new ProductAccess(ctx);
        return new ProductCounts(ctx).of(t(Tables.PRODUCTS).list().stream().filter(p -> caller.isSeller()
                || (caller.isSupplier() && caller.companyID().equals(p.defaultSupplierID()))
                || (caller.isBuyer() && access.visible(caller, p.id()).isPresent())).toList());
    }

    public void deleteProduct(Caller caller, String productID) {
        Errors.requireSeller(caller);
        if (!t(Tables.PRODUCTS).delete(productID)) {
            throw Errors.notFound("Product", productID);
        }
    }

    private Product validProduct(Product p) {
        if (p.name() == null || p.name().isBlank()) {
            throw Errors.required("Name");
        }
        if (p.defaultPriceScheduleID() != null && t(Tables.PRICE_SCHEDULES).find(p.defaultPriceScheduleID()).isEmpty()) {
            throw Errors.notFound("PriceSchedule", p.defaultPriceScheduleID());
        }
        if (p.defaultSupplierID() != null && t(Tables.SUPPLIERS).find(p.defaultSupplierID()).isEmpty()) {
            throw Errors.notFound("Supplier", p.defaultSupplierID());
        }
        return p.toBuilder().quantityMultiplier(p.quantityMultiplier() == null ? 1 : p.quantityMultiplier())
                .active(p.active() != null && p.active()).autoForward(p.autoForward() != null && p.autoForward()).build();
    }

    // ---- price schedules

    public PriceSchedule savePriceSchedule(Caller caller, PriceSchedule ps) {
        return savePriceSchedule(caller, ps, false);
    }

    /** {@code create}: a POST — one atomic insert, 409 {@code IdExists} when the ID is taken (also by a racing create). */
    public PriceSchedule savePriceSchedule(Caller caller, PriceSchedule ps, boolean create) {
        Errors.requireSeller(caller);
        PriceSchedule stored = validSchedule(ps.toBuilder().id(idOr(ps.id())).ownerID(caller.companyID()).build());
        t(Tables.PRICE_SCHEDULES).save(stored.id(), stored, create);
        return stored;
    }

    public PriceSchedule getPriceSchedule(Caller caller, String id) {
        Errors.requireSeller(caller);
        return t(Tables.PRICE_SCHEDULES).find(id).orElseThrow(() -> Errors.notFound("PriceSchedule", id));
    }

    public List<PriceSchedule> listPriceSchedules(Caller caller) {
        Errors.requireSeller(caller);
        return t(Tables.PRICE_SCHEDULES).list();
    }

    public void deletePriceSchedule(Caller caller, String id) {
        Errors.requireSeller(caller);
        if (!t(Tables.PRICE_SCHEDULES).delete(id)) {
            throw Errors.notFound("PriceSchedule", id);
        }
    }

    private PriceSchedule validSchedule(PriceSchedule ps) {
        if (ps.name() == null || ps.name().isBlank()) {
            throw Errors.required("Name");
        }
        List<PriceBreak> breaks = ps.priceBreaks() == null ? List.of() : ps.priceBreaks();
        if (breaks.stream().map(PriceBreak::quantity).distinct().count() != breaks.size()) {
            throw Errors.bad("PriceSchedule.DuplicatePriceBreaks", "Price breaks array cannot contain duplicate quantity values.");
        }
        for (PriceBreak b : breaks) {
            if (b.quantity() == null || b.quantity() < 1 || b.price() == null) {
                throw Errors.bad("PriceSchedule.MinQtyMustBePositive", "Every price break needs a Quantity of one or more and a Price.");
            }
        }
        if (ps.minQuantity() != null && ps.maxQuantity() != null && ps.minQuantity() > ps.maxQuantity()) {
            throw Errors.bad("PriceSchedule.MinGreaterThanMax", "Max Quantity must be greater than or equal to min quantity.");
        }
        if (ps.saleStart() != null && ps.saleEnd() != null && !ps.saleStart().isBefore(ps.saleEnd())) {
            throw Errors.bad("PriceSchedule.InvalidSaleStartOrSaleEnd", "The SaleStart DateTime must be before the SaleEnd DateTime.");
        }
        List<PriceBreak> sorted = breaks.stream().sorted((a, b) -> a.quantity() - b.quantity()).toList();
        return ps.toBuilder().priceBreaks(sorted).minQuantity(ps.minQuantity() == null ? 1 : ps.minQuantity()).build();
    }

    // ---- specs

    public Spec saveSpec(Caller caller, Spec spec) {
        return saveSpec(caller, spec, false);
    }

    /** {@code create}: a POST — one atomic insert, 409 {@code IdExists} when the ID is taken (also by a racing create). */
    public Spec saveSpec(Caller caller, Spec spec, boolean create) {
        Errors.requireSeller(caller);
        Spec stored = spec.toBuilder().id(idOr(spec.id())).ownerID(caller.companyID()).build();
        t(Tables.SPECS).save(stored.id(), stored, create);
        return stored;
    }


    public SpecOption saveSpecOption(Caller caller, String specID, SpecOption option) {
        Errors.requireSeller(caller);
        t(Tables.SPECS).find(specID).orElseThrow(() -> Errors.notFound("Spec", specID));
        String type = option.priceMarkupType() == null ? "NoMarkup" : option.priceMarkupType();
        if (!List.of("NoMarkup", "AmountPerQuantity", "AmountTotal", "Percentage").contains(type)) {
            throw Errors.bad("ValidationFailure", "PriceMarkupType must be NoMarkup, AmountPerQuantity, AmountTotal or Percentage");
        }
        SpecOption stored = new SpecOption(idOr(option.id()), option.value(), option.listOrder(), option.isOpenText(),
                type, option.priceMarkup(), option.xp());
        t(Tables.SPEC_OPTIONS).put(Table.key(specID, stored.id()), stored);
        return stored;
    }

    public void assignSpec(Caller caller, SpecProductAssignment a) {
        Errors.requireSeller(caller);
        t(Tables.SPECS).find(a.specID()).orElseThrow(() -> Errors.notFound("Spec", a.specID()));
        t(Tables.PRODUCTS).find(a.productID()).orElseThrow(() -> Errors.notFound("Product", a.productID()));
        t(Tables.SPEC_PRODUCTS).put(Table.key(a.specID(), a.productID()), a);
    }

    /** The specs of a product the caller can see. */
    public List<Spec> productSpecs(Caller caller, String productID) {
        getProduct(caller, productID);
        return new ProductAccess(ctx).specs(productID);
    }

    public List<SpecOption> specOptions(String specID) {
        return t(Tables.SPEC_OPTIONS).listWithPrefix(specID + "/");
    }

    // ---- catalogs and assignments

    public Catalog saveCatalog(Caller caller, Catalog c) {
        return saveCatalog(caller, c, false);
    }

    /** {@code create}: a POST — one atomic insert, 409 {@code IdExists} when the ID is taken (also by a racing create). */
    public Catalog saveCatalog(Caller caller, Catalog c, boolean create) {
        Errors.requireSeller(caller);
        Catalog stored = c.toBuilder().id(idOr(c.id())).ownerID(caller.companyID()).active(c.active() == null || c.active())
                .categoryCount(0).build();
        t(Tables.CATALOGS).save(stored.id(), stored, create);
        return withCategoryCount(stored);
    }

    /** The catalogs the caller sees, each with its read-only {@code CategoryCount} (every category in it, any depth). */
    public List<Catalog> listCatalogs(Caller caller) {
        if (caller.isSeller()) {
            return t(Tables.CATALOGS).list().stream().map(this::withCategoryCount).toList();
        }
        HashSet<String> ids = new HashSet<>(new ProductAccess(ctx).catalogsOf(caller.companyID()).keySet());
        return t(Tables.CATALOGS).list().stream().filter(c -> ids.contains(c.id())).map(this::withCategoryCount).toList();
    }

    private Catalog withCategoryCount(Catalog c) {
        return c.toBuilder().categoryCount(t(Tables.CATEGORIES).listWithPrefix(c.id() + "/").size()).build();
    }

    public void assignCatalog(Caller caller, CatalogAssignment a) {
        Errors.requireSeller(caller);
        requireIDs("CatalogID", a.catalogID(), "BuyerID", a.buyerID());
        t(Tables.CATALOGS).find(a.catalogID()).orElseThrow(() -> Errors.notFound("Catalog", a.catalogID()));
        t(Tables.BUYERS).find(a.buyerID()).orElseThrow(() -> Errors.notFound("Buyer", a.buyerID()));
        t(Tables.CATALOG_ASSIGNMENTS).put(Table.key(a.catalogID(), a.buyerID()), a);
    }

    public void assignProductToCatalog(Caller caller, ProductCatalogAssignment a) {
        Errors.requireSeller(caller);
        requireIDs("CatalogID", a.catalogID(), "ProductID", a.productID());
        t(Tables.CATALOGS).find(a.catalogID()).orElseThrow(() -> Errors.notFound("Catalog", a.catalogID()));
        t(Tables.PRODUCTS).find(a.productID()).orElseThrow(() -> Errors.notFound("Product", a.productID()));
        t(Tables.PRODUCT_CATALOGS).put(Table.key(a.catalogID(), a.productID()), a);
    }

    /**
     * Assigns a product to a buyer or one of its user groups, optionally with its own price schedule. The
     * product must be in a catalog the buyer can access ({@code Product.CannotAssignNotInBuyerCatalog}).
     */
    public void assignProduct(Caller caller, ProductAssignment a) {
        Errors.requireSeller(caller);
        if (a.buyerID() == null && a.priceScheduleID() == null) {
            throw Errors.bad("Product.RequiresPriceScheduleOrBuyer", "Product assignment must include a Price Schedule or a Buyer/User/Group.");
        }
        t(Tables.PRODUCTS).find(a.productID()).orElseThrow(() -> Errors.notFound("Product", a.productID()));
        if (a.priceScheduleID() != null) {
            t(Tables.PRICE_SCHEDULES).find(a.priceScheduleID()).orElseThrow(() -> Errors.notFound("PriceSchedule", a.priceScheduleID()));
        }
        if (a.buyerID() != null && !new ProductAccess(ctx).inBuyerCatalog(a.buyerID(), a.productID())) {
            throw Errors.bad("Product.CannotAssignNotInBuyerCatalog",
                    "Product cannot be assigned directly to Buyer (or User or Group) because it is not in a Catalog that the Buyer can access.");
        }
        ProductAssignment stored = new ProductAssignment(caller.companyID(), a.productID(), a.buyerID(), a.userGroupID(), a.priceScheduleID());
        t(Tables.PRODUCT_ASSIGNMENTS).put(Table.key(a.productID(), Tables.part(a.buyerID()), Tables.part(a.userGroupID())), stored);
    }

    public void unassignProduct(Caller caller, String productID, String buyerID, String userGroupID) {
        Errors.requireSeller(caller);
        if (!t(Tables.PRODUCT_ASSIGNMENTS).delete(Table.key(productID, Tables.part(buyerID), Tables.part(userGroupID)))) {
            throw Errors.notFound("ProductAssignment", productID);
        }
    }

    public List<ProductAssignment> listProductAssignments(Caller caller) {
        Errors.requireSeller(caller);
        return t(Tables.PRODUCT_ASSIGNMENTS).list();
    }

    /** 400 {@code ValidationFailure} naming the first of the (name, value) pairs whose value is missing. */
    private static void requireIDs(String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null || namesAndValues[i + 1].isBlank()) {
                throw Errors.required(namesAndValues[i]);
            }
        }
    }

    private String idOr(String id) {
        return id == null || id.isBlank() ? ctx.ids().next() : new io.orderhooks.engine.internal.incrementors.IncrementorService(ctx).expand(id);
    }
}
