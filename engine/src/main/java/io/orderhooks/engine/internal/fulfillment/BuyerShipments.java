package io.orderhooks.engine.internal.fulfillment;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.orders.Direction;
import io.orderhooks.engine.internal.orders.OrderAccess;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Shipment;
import io.orderhooks.core.model.ShipmentItem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Shipments as the people who ordered see them: the shipments of one order ({@code GET orders/{direction}/{id}/shipments})
 * and a buyer user's shipments ({@code GET me/shipments}). A supplier's shipment of a forwarded line counts as a
 * shipment of the buyer's order, and its items are shown under the buyer's order ID (same line IDs), so a buyer never
 * needs to see the outgoing order. Read-only snapshots; thread-safe.
 */
public final class BuyerShipments {

    private final EngineContext ctx;
    private final OrderAccess access;
    private final ShipmentLedger ledger;

    public BuyerShipments(EngineContext ctx) {
        this.ctx = ctx;
        this.access = new OrderAccess(ctx);
        this.ledger = new ShipmentLedger(ctx);
    }

    /** The shipments holding items of a visible order (or of the outgoing orders its lines were forwarded to). */
    public List<Shipment> listForOrder(Caller caller, Direction direction, String orderID) {
        return load(shipmentIDs(access.load(caller, direction, orderID)));
    }

    /** {@code GET me/shipments}: shipments of every order the buyer user may see; 403 for other user types. */
    public List<Shipment> listMine(Caller caller) {
        if (!caller.isBuyer()) {
            throw Errors.forbidden("me/shipments is for buyer users");
        }
        Set<String> ids = new LinkedHashSet<>();
        ctx.store().ordersOfCompany(caller.companyID()).stream().filter(s -> access.canSee(caller, s, Direction.Outgoing)).forEach(s -> ids.addAll(shipmentIDs(s)));
        return load(ids);
    }

    public Shipment getMine(Caller caller, String shipmentID) {
        return listMine(caller).stream().filter(sh -> sh.id().equals(shipmentID)).findFirst()
                .orElseThrow(() -> Errors.notFound("Shipment", shipmentID));
    }

    /** The items of one of the buyer's shipments that belong to orders it may see, under the buyer's order IDs. */
    public List<ShipmentItem> listMyItems(Caller caller, String shipmentID) {
        getMine(caller, shipmentID);
        return ledger.ofShipment(shipmentID).stream().map(i -> asBuyerSees(caller, i)).flatMap(Optional::stream).toList();
    }

    private Optional<ShipmentItem> asBuyerSees(Caller caller, ShipmentLine i) {
        Optional<OrderState> order = ctx.store().order(i.orderID());
        if (order.isEmpty()) {
            return Optional.empty();
        }
        if (access.canSee(caller, order.get(), Direction.Outgoing)) {
            return Optional.of(ShipmentLedger.view(i, order.get().line(i.lineItemID()).orElse(null)));
        }
        return order.get().line(i.lineItemID()).map(LineItem::incomingOrderID).flatMap(id -> ctx.store().order(id))
                .filter(in -> access.canSee(caller, in, Direction.Outgoing))
                .map(in -> ShipmentLedger.view(new ShipmentLine(i.shipmentID(), in.id(), i.lineItemID(), i.quantity()),
                        in.line(i.lineItemID()).orElse(null)));
    }

    private Set<String> shipmentIDs(OrderState s) {
        Set<String> ids = new LinkedHashSet<>();
        ledger.ofOrder(s.id()).forEach(i -> ids.add(i.shipmentID()));
        for (LineItem l : s.lineItems()) {
            if (ShipmentLedger.forwarded(l, s)) {
                ledger.ofOrder(l.outgoingOrderID()).stream().filter(i -> i.lineItemID().equals(l.id())).forEach(i -> ids.add(i.shipmentID()));
            }
        }
        return ids;
    }

    private List<Shipment> load(Set<String> ids) {
        return ledger.shipments().list().stream().filter(sh -> ids.contains(sh.id())).toList();
    }
}
