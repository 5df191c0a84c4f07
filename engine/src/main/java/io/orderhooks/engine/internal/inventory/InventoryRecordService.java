package io.orderhooks.engine.internal.inventory;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.catalog.ProductAccess;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.InventoryRecord;
import io.orderhooks.core.model.InventoryRecordAssignment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Inventory records: stock of a product (or one of its variants, {@code variantID} non-null) at an address of the
 * record's owner (default: the marketplace). A buyer user may use a record when it has {@code AllowAllBuyers} or
 * is assigned to their buyer or one of their user groups. {@link #take} is one atomic update of the record, so
 * concurrent submits never take more than {@code QuantityAvailable} unless {@code OrderCanExceed}. Thread-safe.
 */
public final class InventoryRecordService {

    private final EngineContext ctx;

    public InventoryRecordService(EngineContext ctx) {
        this.ctx = ctx;
    }

    public InventoryRecord save(Caller caller, String productID, String variantID, String id, InventoryRecord body, boolean create) {
        Errors.requireSeller(caller);
        requireProduct(productID, variantID);
        if (body.addressID() == null || body.addressID().isBlank()) {
            throw Errors.required("AddressID");
        }
        String owner = body.ownerID() == null ? caller.companyID() : body.ownerID();
        Address address = ctx.store().table(Tables.ADDRESSES).find(Table.key(owner, body.addressID()))
                .orElseThrow(() -> Errors.notFound("Address", body.addressID()));
        String stored = id == null || id.isBlank() ? ctx.ids().next() : id;
        InventoryRecord value = new InventoryRecord(stored, owner, Boolean.TRUE.equals(body.allowAllBuyers()), address, address.id(),
                Boolean.TRUE.equals(body.orderCanExceed()), body.quantityAvailable() == null ? 0 : body.quantityAvailable(),
                body.notificationPoint(), ctx.now(), body.xp());
        String key = key(productID, variantID, stored);
        repo().save(key, value, create);
        return value;
    }

    public InventoryRecord get(String productID, String variantID, String id) {
        requireProduct(productID, variantID);
        return repo().find(key(productID, variantID, id)).orElseThrow(() -> Errors.notFound("InventoryRecord", id));
    }

    public List<InventoryRecord> list(String productID, String variantID) {
        requireProduct(productID, variantID);
        return repo().listWithPrefix(Table.key(productID, Tables.part(variantID)) + "/");
    }

    public void delete(Caller caller, String productID, String variantID, String id) {
        Errors.requireSeller(caller);
        if (!repo().delete(key(productID, variantID, id))) {
            throw Errors.notFound("InventoryRecord", id);
        }
        var a = ctx.store().table(Tables.INVENTORY_RECORD_ASSIGNMENTS);
        a.listWithPrefix(key(productID, variantID, id) + "/").forEach(x -> a.delete(assignmentKey(productID, variantID, x)));
    }

    public void assign(Caller caller, String productID, String variantID, InventoryRecordAssignment a) {
        Errors.requireSeller(caller);
        get(productID, variantID, a.inventoryRecordID());
        if (a.buyerID() == null || ctx.store().table(Tables.BUYERS).find(a.buyerID()).isEmpty()) {
            throw a.buyerID() == null ? Errors.required("BuyerID") : Errors.notFound("Buyer", a.buyerID());
        }
        if (a.userGroupID() != null && ctx.store().table(Tables.USER_GROUPS).find(Table.key(a.buyerID(), a.userGroupID())).isEmpty()) {
            throw Errors.notFound("UserGroup", a.userGroupID());
        }
        ctx.store().table(Tables.INVENTORY_RECORD_ASSIGNMENTS).put(assignmentKey(productID, variantID, a), a);
    }

    public void unassign(Caller caller, String productID, String variantID, String id, String buyerID, String groupID) {
        Errors.requireSeller(caller);
        InventoryRecordAssignment a = new InventoryRecordAssignment(id, buyerID, groupID);
        if (!ctx.store().table(Tables.INVENTORY_RECORD_ASSIGNMENTS).delete(assignmentKey(productID, variantID, a))) {
            throw Errors.notFound("InventoryRecordAssignment", id);
        }
    }

    public List<InventoryRecordAssignment> assignments(String productID, String variantID) {
        requireProduct(productID, variantID);
        return ctx.store().table(Tables.INVENTORY_RECORD_ASSIGNMENTS).listWithPrefix(Table.key(productID, Tables.part(variantID)) + "/");
    }

    /** The records of a product (or variant) a buyer user may use. */
    public List<InventoryRecord> usable(Caller buyer, String productID, String variantID) {
        Set<String> groups = new ProductAccess(ctx).groupsOf(buyer.companyID(), buyer.userID());
        return list(productID, variantID).stream().filter(r -> Boolean.TRUE.equals(r.allowAllBuyers())
                || ctx.store().table(Tables.INVENTORY_RECORD_ASSIGNMENTS).listWithPrefix(key(productID, variantID, r.id()) + "/").stream()
                        .anyMatch(a -> buyer.companyID().equals(a.buyerID()) && (a.userGroupID() == null || groups.contains(a.userGroupID()))))
                .toList();
    }

    /** The record a line chose, if the buyer user may use it (of the line's variant when it has one, else the product). */
    public Optional<InventoryRecord> usableRecord(Caller buyer, String productID, String variantID, String recordID) {
        return usable(buyer, productID, variantID).stream().filter(r -> r.id().equals(recordID)).findFirst();
    }

    /**
     * Takes {@code quantity} from the record (negative: gives back); 400 {@code Inventory.Insufficient} (record
     * unchanged) when it would go below zero and the record does not allow {@code OrderCanExceed}.
     */
    public InventoryRecord take(String productID, String variantID, String recordID, int quantity) {
        return repo().update(key(productID, variantID, recordID), r -> {
            int next = r.quantityAvailable() - quantity;
            if (quantity > 0 && next < 0 && !Boolean.TRUE.equals(r.orderCanExceed())) {
                throw Errors.bad("Inventory.Insufficient", "Insufficient inventory in record " + recordID + ": " + quantity
                        + " wanted, " + r.quantityAvailable() + " available.",
                        Map.of("ProductID", productID, "InventoryRecordID", recordID, "QuantityAvailable", r.quantityAvailable()));
            }
            return new InventoryRecord(r.id(), r.ownerID(), r.allowAllBuyers(), r.address(), r.addressID(), r.orderCanExceed(), next,
                    r.notificationPoint(), ctx.now(), r.xp());
        });
    }

    /**
     * Where a line's record lives: under its variant when the variant has that record, else under the product
     * (the returned value is the variant part to pass to {@link #take}, null for product level); empty when neither.
     */
    public Optional<String> locate(String productID, String variantID, String recordID) {
        if (variantID != null && repo().find(key(productID, variantID, recordID)).isPresent()) {
            return Optional.of(variantID);
        }
        return repo().find(key(productID, null, recordID)).isPresent() ? Optional.of("") : Optional.empty();
    }

    private void requireProduct(String productID, String variantID) {
        ctx.store().table(Tables.PRODUCTS).find(productID).orElseThrow(() -> Errors.notFound("Product", productID));
        if (variantID != null && ctx.store().table(Tables.VARIANTS).find(Table.key(productID, variantID)).isEmpty()) {
            throw Errors.notFound("Variant", variantID);
        }
    }

    private Repository<InventoryRecord> repo() {
        return ctx.store().table(Tables.INVENTORY_RECORDS);
    }

    private static String key(String productID, String variantID, String id) {
        return Table.key(productID, variantID == null ? "" : variantID, id);
    }

    private static String assignmentKey(String productID, String variantID, InventoryRecordAssignment a) {
        return Table.key(productID, Tables.part(variantID), a.inventoryRecordID(), a.buyerID(), Tables.part(a.userGroupID()));
    }
}
