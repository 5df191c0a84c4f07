package io.orderhooks.engine.internal.fulfillment;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Shipment;
import io.orderhooks.core.model.ShipmentItem;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shipments and their items ({@code v1/shipments}), for the seller and suppliers with {@code ShipmentAdmin}.
 *
 * <p>An item puts a quantity of one line of an {@code Open} order on a shipment; a line may be spread over several
 * shipments, and posting the same line to the same shipment again replaces its quantity. The quantity on all
 * shipments may never exceed the line's ({@code ShipmentItem.QuantityExceeded}). Every item change runs under the
 * order's lock and recomputes the order's {@code QuantityShipped} and completion; a change on a supplier's
 * outgoing order then refreshes the buyer's incoming order under that order's lock (never nested), so concurrent
 * supplier shipments never lose an update. Setting {@code DateShipped} on a shipment later completes the orders it
 * finishes. Thread-safe; a refused call changes nothing.
 */
public final class ShipmentService {

    private final EngineContext ctx;
    private final ShipmentLedger ledger;
    private final ShipperAccess access;

    public ShipmentService(EngineContext ctx) {
        this.ctx = ctx;
        this.ledger = new ShipmentLedger(ctx);
        this.access = new ShipperAccess(ctx);
    }

    /**
     * Creates an empty shipment. A supplier's shipment is owned by it ({@code OwnerID}); the seller may name a
     * supplier as owner. A missing ID is generated; a taken one is 409 {@code IdExists}.
     */
    public Shipment create(Caller caller, Shipment body) {
        ShipperAccess.requireShipper(caller);
        String owner = caller.isSupplier() ? caller.companyID() : body.ownerID();
        if (owner != null && ctx.store().table(Tables.SUPPLIERS).find(owner).isEmpty()) {
            throw Errors.notFound("Supplier", owner);
        }
        String id = body.id() == null || body.id().isBlank() ? ctx.ids().next() : body.id();
        Shipment sh = body.toBuilder().id(id).ownerID(owner).build();
        ledger.shipments().insert(id, sh);
        return sh;
    }

    public Shipment get(Caller caller, String shipmentID) {
        return access.load(caller, shipmentID);
    }

    /** The seller's: every shipment; a supplier's: those it owns. Buyers use {@link BuyerShipments}. */
    public List<Shipment> list(Caller caller) {
        return ledger.shipments().list().stream().filter(sh -> access.canSee(caller, sh)).toList();
    }

    /**
     * Changes the non-null fields of {@code changes} ({@code ID} and {@code OwnerID} stay). Setting
     * {@code DateShipped} completes every order the shipment finishes (and rolls up to buyer orders).
     */
    public Shipment patch(Caller caller, String shipmentID, Shipment changes) {
        ShipperAccess.requireShipper(caller);
        access.load(caller, shipmentID);
        Shipment next = ledger.shipments().update(shipmentID, old -> merge(old, changes));
        ledger.ofShipment(shipmentID).stream().map(ShipmentLine::orderID).distinct().forEach(ledger::refreshAndRollUp);
        return next;
    }

    /** Deletes a shipment and its items; refused while an order on it is not {@code Open} ({@code Order.CannotShipBadStatus}). */
    public void delete(Caller caller, String shipmentID) {
        ShipperAccess.requireShipper(caller);
        access.load(caller, shipmentID);
        ledger.ofShipment(shipmentID).stream().map(ShipmentLine::orderID).distinct().map(id -> ctx.store().order(id)).flatMap(Optional::stream).forEach(ShipperAccess::requireOpen);
        ledger.shipments().delete(shipmentID);
        for (String orderID : ledger.ofShipment(shipmentID).stream().map(ShipmentLine::orderID).distinct().toList()) {
            OrderState after = ctx.store().withOrder(orderID, s -> {
                ledger.ofOrder(orderID).stream().filter(i -> i.shipmentID().equals(shipmentID)).forEach(i -> ledger.items().delete(i.key()));
                return ShipmentLedger.commitIfChanged(s, ledger.refresh(s));
            });
            ledger.rollUp(after);
        }
    }

    /**
     * Puts {@code item.QuantityShipped} of one line on the shipment (replacing that line's quantity there).
     * Errors: 404 for an unseen shipment, order or line; {@code Order.CannotShipBadStatus} unless the order is
     * {@code Open}; {@code ShipmentItem.LineForwarded} for a line forwarded to a supplier (its outgoing order ships
     * it); {@code ShipmentItem.QuantityExceeded} when all shipments together would exceed the line's quantity.
     */
    public ShipmentItem addItem(Caller caller, String shipmentID, ShipmentItem item) {
        ShipperAccess.requireShipper(caller);
        access.load(caller, shipmentID);
        if (item.orderID() == null) {
            throw Errors.required("OrderID");
        }
        if (item.lineItemID() == null) {
            throw Errors.required("LineItemID");
        }
        if (item.quantityShipped() == null || item.quantityShipped() < 1) {
            throw Errors.bad("ValidationFailure", "QuantityShipped must be at least 1.");
        }
        String key = ShipmentLine.key(item.orderID(), item.lineItemID(), shipmentID);
        ShipmentLine line = new ShipmentLine(shipmentID, item.orderID(), item.lineItemID(), item.quantityShipped());
        OrderState after = ctx.store().withOrder(item.orderID(), s -> {
            LineItem l = shippable(caller, s, item.lineItemID());
            int others = ledger.ofOrder(s.id()).stream().filter(i -> i.lineItemID().equals(l.id()) && !i.shipmentID().equals(shipmentID))
                    .mapToInt(ShipmentLine::quantity).sum();
            if (others + line.quantity() > l.quantity()) {
                throw Errors.bad("ShipmentItem.QuantityExceeded", "Quantity shipped exceeds the quantity ordered.", Map.of("LineItemID", l.id(),
                        "Quantity", l.quantity(), "QuantityOnOtherShipments", others, "QuantityShipped", line.quantity()));
            }
            Optional<ShipmentLine> previous = ledger.items().find(key);
            ledger.items().put(key, line);
            if (ledger.shipments().find(shipmentID).isEmpty()) {
                previous.ifPresentOrElse(p -> ledger.items().put(key, p), () -> ledger.items().delete(key));
                throw Errors.notFound("Shipment", shipmentID);
            }
            return ShipmentLedger.commitIfChanged(s, ledger.refresh(s));
        });
        setBuyer(shipmentID, after);
        ledger.rollUp(after);
        return ShipmentLedger.view(line, after.line(item.lineItemID()).orElse(null));
    }

    /** Takes one line off the shipment; 404 when it is not on it, {@code Order.CannotShipBadStatus} unless the order is Open. */
    public void removeItem(Caller caller, String shipmentID, String orderID, String lineItemID) {
        ShipperAccess.requireShipper(caller);
        access.load(caller, shipmentID);
        String key = ShipmentLine.key(orderID, lineItemID, shipmentID);
        OrderState after = ctx.store().withOrder(orderID, s -> {
            access.requireReceiver(caller, s);
            ShipperAccess.requireOpen(s);
            if (!ledger.items().delete(key)) {
                throw Errors.notFound("ShipmentItem", orderID + "/" + lineItemID);
            }
            return ShipmentLedger.commitIfChanged(s, ledger.refresh(s));
        });
        ledger.rollUp(after);
    }

    /** The items of a shipment the caller may see, with read-only copies of their lines. */
    public List<ShipmentItem> listItems(Caller caller, String shipmentID) {
        access.load(caller, shipmentID);
        return ledger.ofShipment(shipmentID).stream().map(ledger::view).toList();
    }

    /** Checks the caller may ship this line of {@code s} now; returns the line. */
    private LineItem shippable(Caller caller, OrderState s, String lineItemID) {
        access.requireReceiver(caller, s);
        ShipperAccess.requireOpen(s);
        LineItem l = s.line(lineItemID).orElseThrow(() -> Errors.notFound("LineItem", lineItemID));
        if (ShipmentLedger.forwarded(l, s)) {
            throw Errors.bad("ShipmentItem.LineForwarded", "Line item " + l.id() + " was forwarded to order " + l.outgoingOrderID()
                    + "; ship it on that order.", Map.of("LineItemID", l.id(), "OutgoingOrderID", l.outgoingOrderID()));
        }
        return l;
    }

    /** The first item decides a shipment's {@code BuyerID}: the buyer that placed the order (or the incoming order it came from). */
    private void setBuyer(String shipmentID, OrderState s) {
        String buyer = buyerOf(s);
        ledger.shipments().update(shipmentID, sh -> sh.buyerID() != null || buyer == null ? sh : sh.toBuilder().buyerID(buyer).build());
    }

    String buyerOf(OrderState s) {
        if (!ctx.config().sellerOrgID().equals(s.order().fromCompanyID())) {
            return s.order().fromCompanyID();
        }
        return s.lineItems().stream().map(LineItem::incomingOrderID).filter(id -> id != null && !id.equals(s.id())).findFirst()
                .flatMap(id -> ctx.store().order(id)).map(in -> in.order().fromCompanyID()).orElse(null);
    }

    private static Shipment merge(Shipment old, Shipment c) {
        Shipment.Builder b = old.toBuilder();
        if (c.shipper() != null) b.shipper(c.shipper());
        if (c.dateShipped() != null) b.dateShipped(c.dateShipped());
        if (c.dateDelivered() != null) b.dateDelivered(c.dateDelivered());
        if (c.trackingNumber() != null) b.trackingNumber(c.trackingNumber());
        if (c.cost() != null) b.cost(c.cost());
        if (c.xp() != null) b.xp(c.xp());
        if (c.account() != null) b.account(c.account());
        if (c.fromAddressID() != null) b.fromAddressID(c.fromAddressID());
        if (c.toAddressID() != null) b.toAddressID(c.toAddressID());
        if (c.buyerID() != null) b.buyerID(c.buyerID());
        return b.build();
    }

    /** Used by {@link OrderFulfillmentService#ship}: writes a new shipment with the given items inside the order's lock. */
    OrderState shipAll(Shipment sh, OrderState s, List<ShipmentLine> lines) {
        ledger.shipments().insert(sh.id(), sh);
        lines.forEach(i -> ledger.items().put(i.key(), i));
        return ledger.refresh(s);
    }

    ShipmentLedger ledger() {
        return ledger;
    }
}
