package io.orderhooks.engine.internal.orgs;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.Buyer;
import java.util.List;

/** Which buyers may order from a supplier ({@code v1/suppliers/{supplierID}/buyers}). Thread-safe. */
public final class SupplierBuyers {

    private final EngineContext ctx;

    public SupplierBuyers(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** The buyers assigned to the supplier; the seller or the supplier's own users may ask. */
    public List<Buyer> list(Caller caller, String supplierID) {
        requireSupplier(caller, supplierID);
        return ctx.store().table(Tables.SUPPLIER_BUYERS).listWithPrefix(supplierID + "/").stream()
                .map(id -> ctx.store().table(Tables.BUYERS).find(id)).flatMap(java.util.Optional::stream).toList();
    }

    public void add(Caller caller, String supplierID, String buyerID) {
        Errors.requireSeller(caller);
        requireSupplier(caller, supplierID);
        ctx.store().table(Tables.BUYERS).find(buyerID).orElseThrow(() -> Errors.notFound("Buyer", buyerID));
        ctx.store().table(Tables.SUPPLIER_BUYERS).put(Table.key(supplierID, buyerID), buyerID);
    }

    public void remove(Caller caller, String supplierID, String buyerID) {
        Errors.requireSeller(caller);
        if (!ctx.store().table(Tables.SUPPLIER_BUYERS).delete(Table.key(supplierID, buyerID))) {
            throw Errors.notFound("SupplierBuyer", buyerID);
        }
    }

    private void requireSupplier(Caller caller, String supplierID) {
        if ((!caller.isSeller() && !caller.companyID().equals(supplierID))
                || ctx.store().table(Tables.SUPPLIERS).find(supplierID).isEmpty()) {
            throw Errors.notFound("Supplier", supplierID);
        }
    }
}
