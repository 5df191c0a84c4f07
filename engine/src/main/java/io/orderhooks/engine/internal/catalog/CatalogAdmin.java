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
import io.orderhooks.core.model.ProductCatalogAssignment;
import io.orderhooks.core.model.Spec;
import io.orderhooks.core.model.SpecOption;
import io.orderhooks.core.model.SpecProductAssignment;
import io.orderhooks.core.model.Supplier;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog administration {@link CatalogService} leaves out: reading and deleting specs, options, catalogs
 * and their assignments, price breaks one at a time, and the suppliers that may sell a product. Seller callers
 * only ({@code Auth.UserNotAuthorizedToAdmin} otherwise); thread-safe, each call atomic on its own resource.
 */
public final class CatalogAdmin {

    /** key {@code productID/supplierID}: a supplier that may sell the product ({@code PUT v1/products/{id}/suppliers/{sid}}). */
    public static final Table<String> PRODUCT_SUPPLIERS = Table.of("productsuppliers", String.class);

    private final EngineContext ctx;
    private final CatalogService catalog;

    public CatalogAdmin(EngineContext ctx, CatalogService catalog) {
        this.ctx = ctx;
        this.catalog = catalog;
    }

    private <T> Repository<T> t(Table<T> table) {
        return ctx.store().table(table);
    }

    public Spec getSpec(Caller caller, String specID) {
        Errors.requireSeller(caller);
        Spec s = t(Tables.SPECS).find(specID).orElseThrow(() -> Errors.notFound("Spec", specID));
        return s.toBuilder().optionCount(catalog.specOptions(specID).size()).build();
    }

    public List<Spec> listSpecs(Caller caller) {
        Errors.requireSeller(caller);
        return t(Tables.SPECS).list().stream().map(s -> s.toBuilder().optionCount(catalog.specOptions(s.id()).size()).build()).toList();
    }

    /** Deletes a spec with its options and product assignments. */
    public void deleteSpec(Caller caller, String specID) {
        getSpec(caller, specID);
        catalog.specOptions(specID).forEach(o -> t(Tables.SPEC_OPTIONS).delete(Table.key(specID, o.id())));
        t(Tables.SPEC_PRODUCTS).listWithPrefix(specID + "/").forEach(a -> t(Tables.SPEC_PRODUCTS).delete(Table.key(specID, a.productID())));
        t(Tables.SPECS).delete(specID);
    }

    public SpecOption getSpecOption(Caller caller, String specID, String optionID) {
        getSpec(caller, specID);
        return t(Tables.SPEC_OPTIONS).find(Table.key(specID, optionID)).orElseThrow(() -> Errors.notFound("SpecOption", optionID));
    }

    public void deleteSpecOption(Caller caller, String specID, String optionID) {
        getSpecOption(caller, specID, optionID);
        t(Tables.SPEC_OPTIONS).delete(Table.key(specID, optionID));
    }

    public List<SpecProductAssignment> listSpecAssignments(Caller caller) {
        Errors.requireSeller(caller);
        return t(Tables.SPEC_PRODUCTS).list();
    }

    public void unassignSpec(Caller caller, String specID, String productID) {
        Errors.requireSeller(caller);
        if (!t(Tables.SPEC_PRODUCTS).delete(Table.key(specID, productID))) {
            throw Errors.notFound("SpecProductAssignment", specID + "/" + productID);
        }
    }

    public Catalog getCatalog(Caller caller, String catalogID) {
        return catalog.listCatalogs(caller).stream().filter(c -> c.id().equals(catalogID)).findFirst()
                .orElseThrow(() -> Errors.notFound("Catalog", catalogID));
    }

    /** Deletes a catalog and every assignment to it. */
    public void deleteCatalog(Caller caller, String catalogID) {
        Errors.requireSeller(caller);
        getCatalog(caller, catalogID);
        t(Tables.CATALOG_ASSIGNMENTS).listWithPrefix(catalogID + "/").forEach(a -> t(Tables.CATALOG_ASSIGNMENTS).delete(Table.key(catalogID, a.buyerID())));
        t(Tables.PRODUCT_CATALOGS).listWithPrefix(catalogID + "/").forEach(a -> t(Tables.PRODUCT_CATALOGS).delete(Table.key(catalogID, a.productID())));
        t(Tables.CATALOGS).delete(catalogID);
    }

    public List<CatalogAssignment> listCatalogAssignments(Caller caller) {
        Errors.requireSeller(caller);
        return t(Tables.CATALOG_ASSIGNMENTS).list();
    }

    public void unassignCatalog(Caller caller, String catalogID, String buyerID) {
        Errors.requireSeller(caller);
        if (!t(Tables.CATALOG_ASSIGNMENTS).delete(Table.key(catalogID, buyerID))) {
            throw Errors.notFound("CatalogAssignment", catalogID + "/" + buyerID);
        }
    }

    public List<ProductCatalogAssignment> listProductCatalogAssignments(Caller caller) {
        Errors.requireSeller(caller);
        return t(Tables.PRODUCT_CATALOGS).list();
    }

    public void unassignProductFromCatalog(Caller caller, String catalogID, String productID) {
        Errors.requireSeller(caller);
        if (!t(Tables.PRODUCT_CATALOGS).delete(Table.key(catalogID, productID))) {
            throw Errors.notFound("ProductCatalogAssignment", catalogID + "/" + productID);
        }
    }

    /** Adds or replaces the break with the same {@code Quantity}; the schedule is re-validated. */
    public PriceSchedule savePriceBreak(Caller caller, String scheduleID, PriceBreak pb) {
        PriceSchedule ps = catalog.getPriceSchedule(caller, scheduleID);
        if (pb.quantity() == null || pb.price() == null) {
            throw Errors.bad("PriceSchedule.MinQtyMustBePositive", "A price break needs a Quantity of one or more and a Price.");
        }
        List<PriceBreak> breaks = new ArrayList<>(ps.priceBreaks() == null ? List.of() : ps.priceBreaks());
        breaks.removeIf(b -> b.quantity().equals(pb.quantity()));
        breaks.add(pb);
        return catalog.savePriceSchedule(caller, ps.toBuilder().priceBreaks(breaks).build());
    }

    /** Removes the break for {@code quantity}; the last one cannot go ({@code PriceSchedule.CannotDeleteLastPriceBreak}). */
    public void deletePriceBreak(Caller caller, String scheduleID, int quantity) {
        PriceSchedule ps = catalog.getPriceSchedule(caller, scheduleID);
        List<PriceBreak> breaks = new ArrayList<>(ps.priceBreaks() == null ? List.of() : ps.priceBreaks());
        if (!breaks.removeIf(b -> b.quantity() == quantity)) {
            throw Errors.bad("PriceSchedule.QtyNotFound", "Price schedule " + scheduleID + " has no price break for quantity " + quantity);
        }
        if (breaks.isEmpty()) {
            throw Errors.bad("PriceSchedule.CannotDeleteLastPriceBreak", "A price schedule must keep at least one price break.");
        }
        catalog.savePriceSchedule(caller, ps.toBuilder().priceBreaks(breaks).build());
    }

    /** The suppliers that may sell a product: its default supplier and those added to it. */
    public List<Supplier> productSuppliers(Caller caller, String productID) {
        String defaultSupplier = catalog.getProduct(caller, productID).defaultSupplierID();
        return t(Tables.SUPPLIERS).list().stream().filter(s -> s.id().equals(defaultSupplier)
                || t(PRODUCT_SUPPLIERS).find(Table.key(productID, s.id())).isPresent()).toList();
    }

    public void addProductSupplier(Caller caller, String productID, String supplierID) {
        Errors.requireSeller(caller);
        catalog.getProduct(caller, productID);
        t(Tables.SUPPLIERS).find(supplierID).orElseThrow(() -> Errors.notFound("Supplier", supplierID));
        t(PRODUCT_SUPPLIERS).put(Table.key(productID, supplierID), supplierID);
    }

    public void removeProductSupplier(Caller caller, String productID, String supplierID) {
        Errors.requireSeller(caller);
        if (!t(PRODUCT_SUPPLIERS).delete(Table.key(productID, supplierID))) {
            throw Errors.notFound("ProductSupplier", productID + "/" + supplierID);
        }
    }
}
