package io.orderhooks.engine.internal.orders;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.catalog.Pricing;
import io.orderhooks.engine.internal.catalog.ProductAccess;
import io.orderhooks.engine.internal.catalog.SpecChoice;
import io.orderhooks.engine.internal.orders.internal.LineList;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.Inventory;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.LineItemProduct;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.PriceSchedule;
import io.orderhooks.core.model.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices lines as the order's buyer user sees the catalog (so a seller editing an incoming cart gets the
 * buyer's prices), checks inventory, and re-prices sibling lines of products with cumulative schedules.
 */
final class LinePricer {

    private final EngineContext ctx;
    private final ProductAccess access;
    private final io.orderhooks.engine.internal.catalog.VariantService variants;
    private final io.orderhooks.engine.internal.inventory.InventoryRecordService records;

    LinePricer(EngineContext ctx) {
        this.ctx = ctx;
        this.access = new ProductAccess(ctx);
        this.variants = new io.orderhooks.engine.internal.catalog.VariantService(ctx);
        this.records = new io.orderhooks.engine.internal.inventory.InventoryRecordService(ctx);
    }

    /** The buyer user whose catalog view prices the order. */
    static Caller buyerOf(Order o) {
        return Caller.buyer(o.fromUserID(), o.fromCompanyID(), null);
    }

    /**
     * What {@link #place} did: the new lines, where the placed line is, the line it replaced (null when added), and
     * whether other lines of its product were re-priced too (cumulative schedules).
     */
    record Placed(List<LineItem> lines, int index, LineItem before, boolean siblingsRepriced) {}

    /**
     * Returns the lines with {@code line} added (at the end) or replaced (in place), priced, with every other line of
     * the same product re-priced when its schedule uses cumulative quantity. Without a cumulative schedule only
     * {@code line} is priced: O(1) work for an added line ({@link LineList#plus}), one copy of the list for a replaced one.
     */
    Placed place(OrderState s, LineItem line) {
        return place(s, line, s.lines().find(line.id()));
    }

    /** {@link #place(OrderState, LineItem)} when the caller already knows the line's index ({@code -1}: a new line). */
    Placed place(OrderState s, LineItem line, int at) {
        LineList current = s.lines();
        LineItem before = at >= 0 ? current.get(at) : null;
        int index = at >= 0 ? at : current.size();
        Caller buyer = buyerOf(s.order());
        checkInventory(line, current, at, buyer);
        PriceSchedule ps = access.scheduleFor(buyer, line.productID());
        if (cumulative(ps)) {
            List<LineItem> lines = at >= 0 ? current.with(at, line) : current.plus(line);
            return new Placed(repriceAll(buyer, ps, lines, line.productID()), index, before, true);
        }
        LineItem priced = Boolean.TRUE.equals(line.priceOverridden()) ? line : price(buyer, ps, line, line.quantity());
        // with its amounts already, so committing it needs no second copy of the list (OrderMath.staleAfterLineChange)
        priced = OrderMath.withAmounts(priced);
        return new Placed(at >= 0 ? current.with(at, priced) : current.plus(priced), index, before, false);
    }

    /** After a line of {@code productID} was removed: the other lines of that product re-priced when its schedule is cumulative. */
    List<LineItem> repriceSiblings(Order o, List<LineItem> lines, String productID) {
        Caller buyer = buyerOf(o);
        PriceSchedule ps = access.scheduleFor(buyer, productID);
        return cumulative(ps) ? repriceAll(buyer, ps, lines, productID) : lines;
    }

    private List<LineItem> repriceAll(Caller buyer, PriceSchedule ps, List<LineItem> lines, String productID) {
        int cumulative = lines.stream().filter(l -> l.productID().equals(productID)).mapToInt(LineItem::quantity).sum();
        List<LineItem> out = new ArrayList<>(lines.size());
        for (LineItem l : lines) {
            out.add(l.productID().equals(productID) && !Boolean.TRUE.equals(l.priceOverridden()) ? price(buyer, ps, l, cumulative) : l);
        }
        return out;
    }

    private static boolean cumulative(PriceSchedule ps) {
        return Boolean.TRUE.equals(ps.useCumulativeQuantity());
    }

    private LineItem price(Caller buyer, PriceSchedule ps, LineItem l, int cumulative) {
        List<SpecChoice> specs = access.resolveSpecs(l.productID(), l.specs());
        Pricing.Price p = Pricing.price(ps, l.quantity(), cumulative, specs, ctx.clock().instant());
        Product product = access.visible(buyer, l.productID()).orElseThrow(() -> Errors.notFound("Product", l.productID())).product();
        io.orderhooks.core.model.LineItemVariant variant = variants.forSpecs(l.productID(), p.specs())
                .map(io.orderhooks.engine.internal.catalog.VariantService::lineView).orElse(null);
        return l.toBuilder().unitPrice(p.unitPrice()).isOnSale(p.onSale()).specs(p.specs()).priceScheduleID(ps.id()).variant(variant)
                .priceOverridden(false).product(snapshot(product)).supplierID(product.defaultSupplierID())
                .shipFromAddressID(product.shipFromAddressID()).shipFromAddress(shipFrom(product)).build();
    }

    /**
     * The product's {@code ShipFromAddressID} as an address of its default supplier, else of its owner (OrderCloud
     * copies the product's ship-from onto each line); null when the product names none or the address is gone.
     */
    private Address shipFrom(Product product) {
        if (product.shipFromAddressID() == null) {
            return null;
        }
        var addresses = ctx.store().table(Tables.ADDRESSES);
        for (String company : new String[] {product.defaultSupplierID(), product.ownerID()}) {
            if (company != null) {
                Optional<Address> found = addresses.find(Table.key(company, product.shipFromAddressID()));
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        return null;
    }

    /**
     * {@code Inventory.Insufficient} when tracked inventory cannot cover the quantity of {@code line}'s product on the
     * order once {@code line} replaces line {@code at} of {@code lines} ({@code -1}: is added).
     */
    private void checkInventory(LineItem line, List<LineItem> lines, int at, Caller buyer) {
        if (line.inventoryRecordID() != null) {
            checkRecord(line, lines, at, buyer);
            return;
        }
        String productID = line.productID();
        Product p = ctx.store().table(Tables.PRODUCTS).find(productID).orElse(null);
        Inventory inv = p == null ? null : p.inventory();
        if (inv == null || !Boolean.TRUE.equals(inv.enabled()) || Boolean.TRUE.equals(inv.orderCanExceed())) {
            return;
        }
        int wanted = line.quantity();
        for (int i = 0; i < lines.size(); i++) {
            if (i != at && Objects.equals(lines.get(i).productID(), productID)) {
                wanted += lines.get(i).quantity();
            }
        }
        int available = inv.quantityAvailable() == null ? 0 : inv.quantityAvailable();
        if (wanted > available) {
            throw Errors.bad("Inventory.Insufficient", "Insufficient inventory for product " + productID + ": " + wanted
                    + " wanted, " + available + " available.", java.util.Map.of("ProductID", productID, "QuantityAvailable", available));
        }
    }

    /**
     * A line that chose an {@code InventoryRecordID}: the record must be one the buyer user may use for the line's
     * product or variant (400 {@code LineItem.InvalidInventoryRecordID}), and cover the quantity of every line of the
     * order drawing on it unless it allows {@code OrderCanExceed} ({@code Inventory.Insufficient}).
     */
    private void checkRecord(LineItem line, List<LineItem> lines, int at, Caller buyer) {
        String variantID = variants.forSpecs(line.productID(), line.specs()).map(io.orderhooks.core.model.Variant::id).orElse(null);
        var record = records.usableRecord(buyer, line.productID(), variantID, line.inventoryRecordID())
                .or(() -> records.usableRecord(buyer, line.productID(), null, line.inventoryRecordID()))
                .orElseThrow(() -> Errors.bad("LineItem.InvalidInventoryRecordID", "Inventory record not found or not available to this buyer: "
                        + line.inventoryRecordID(), java.util.Map.of("InventoryRecordID", line.inventoryRecordID())));
        if (Boolean.TRUE.equals(record.orderCanExceed())) {
            return;
        }
        int wanted = line.quantity();
        for (int i = 0; i < lines.size(); i++) {
            if (i != at && line.inventoryRecordID().equals(lines.get(i).inventoryRecordID())) {
                wanted += lines.get(i).quantity();
            }
        }
        if (wanted > record.quantityAvailable()) {
            throw Errors.bad("Inventory.Insufficient", "Insufficient inventory in record " + record.id() + ": " + wanted + " wanted, "
                    + record.quantityAvailable() + " available.", java.util.Map.of("ProductID", line.productID(),
                    "InventoryRecordID", record.id(), "QuantityAvailable", record.quantityAvailable()));
        }
    }

    static LineItemProduct snapshot(Product p) {
        return LineItemProduct.builder().id(p.id()).parentID(p.parentID()).name(p.name()).description(p.description())
                .returnable(Boolean.TRUE.equals(p.returnable())).quantityMultiplier(p.quantityMultiplier()).shipWeight(p.shipWeight())
                .shipHeight(p.shipHeight()).shipWidth(p.shipWidth()).shipLength(p.shipLength())
                .defaultSupplierID(p.defaultSupplierID()).xp(p.xp()).build();
    }
}
