package io.orderhooks.engine.internal.fulfillment;

import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.Shipment;
import io.orderhooks.core.model.ShipmentItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Shipment items and what they imply for orders: each line's {@code QuantityShipped} (the sum over every shipment,
 * dated or not) and auto-completion (an {@code Open} order becomes {@code Completed} once every line's full quantity
 * is on shipments with {@code DateShipped}). A forwarded line of an incoming order counts the items of the same line
 * on its outgoing order, which is how supplier shipments roll up to the buyer's order. Thread-safe.
 */
final class ShipmentLedger {

    private final EngineContext ctx;

    ShipmentLedger(EngineContext ctx) {
        this.ctx = ctx;
    }

    Repository<ShipmentLine> items() {
        return ctx.store().table(ShipmentLine.TABLE);
    }

    Repository<Shipment> shipments() {
        return ctx.store().table(Tables.SHIPMENTS);
    }

    List<ShipmentLine> ofOrder(String orderID) {
        return items().listWithPrefix(orderID + "/");
    }

    List<ShipmentLine> ofShipment(String shipmentID) {
        return items().list().stream().filter(i -> i.shipmentID().equals(shipmentID)).toList();
    }

    /** Whether a line of {@code s} was forwarded to another (outgoing) order, which then ships it. */
    static boolean forwarded(LineItem l, OrderState s) {
        return l.outgoingOrderID() != null && !l.outgoingOrderID().equals(s.id());
    }

    /** The quantity of a line on shipments (of its own order, or of its outgoing order when forwarded). */
    int shipped(OrderState s, LineItem l, boolean datedOnly) {
        return itemsFor(s, l, new HashMap<>()).stream().filter(i -> counts(i, datedOnly)).mapToInt(ShipmentLine::quantity).sum();
    }

    /** Recomputes every line's {@code QuantityShipped} and completes an {@code Open} order that has fully shipped. Pure. */
    OrderState refresh(OrderState s) {
        Map<String, List<ShipmentLine>> cache = new HashMap<>();
        Map<String, Boolean> dated = new HashMap<>();
        List<LineItem> lines = new ArrayList<>();
        boolean allShipped = !s.lineItems().isEmpty();
        for (LineItem l : s.lineItems()) {
            List<ShipmentLine> its = itemsFor(s, l, cache);
            int total = its.stream().filter(i -> counts(i, false)).mapToInt(ShipmentLine::quantity).sum();
            int shipped = its.stream().filter(i -> dated.computeIfAbsent(i.shipmentID(), id -> counts(i, true)))
                    .mapToInt(ShipmentLine::quantity).sum();
            lines.add(Objects.equals(l.quantityShipped(), total) ? l : l.toBuilder().quantityShipped(total).build());
            allShipped &= shipped >= l.quantity();
        }
        OrderState next = s.withLineItems(lines);
        if (allShipped && s.order().status() == OrderStatus.Open) {
            Order o = next.order().toBuilder().status(OrderStatus.Completed).dateCompleted(ctx.now()).lastUpdated(ctx.now()).build();
            next = next.withOrder(o);
        }
        return next;
    }

    /** Refreshes one order under its lock, then (each under its own lock, never nested) the orders it was forwarded from. */
    void refreshAndRollUp(String orderID) {
        if (ctx.store().order(orderID).isEmpty()) {
            return;
        }
        rollUp(ctx.store().withOrder(orderID, s -> commitIfChanged(s, refresh(s))));
    }

    /** Refreshes the incoming orders whose lines {@code outgoing} carries (supplier shipments roll up to the buyer order). */
    void rollUp(OrderState outgoing) {
        outgoing.lineItems().stream().map(LineItem::incomingOrderID).filter(id -> id != null && !id.equals(outgoing.id()))
                .distinct().filter(id -> ctx.store().order(id).isPresent())
                .forEach(id -> ctx.store().withOrder(id, s -> commitIfChanged(s, refresh(s))));
    }

    static Mutation<OrderState> commitIfChanged(OrderState old, OrderState next) {
        return next.equals(old) ? Mutation.unchanged(old) : Mutation.commit(next, next);
    }

    /** The wire item: the stored quantity plus read-only copies of the line's fields. */
    static ShipmentItem view(ShipmentLine i, LineItem l) {
        ShipmentItem.Builder b = ShipmentItem.builder().orderID(i.orderID()).lineItemID(i.lineItemID()).quantityShipped(i.quantity());
        if (l != null) {
            b.unitPrice(l.unitPrice()).costCenter(l.costCenter()).dateNeeded(l.dateNeeded()).product(l.product()).variant(l.variant()).specs(l.specs()).xp(l.xp());
        }
        return b.build();
    }

    /** The item as stored, with copies of its line as the order is now (no copies if the order is gone). */
    ShipmentItem view(ShipmentLine i) {
        LineItem l = ctx.store().order(i.orderID()).flatMap(s -> s.line(i.lineItemID())).orElse(null);
        return view(i, l);
    }

    private List<ShipmentLine> itemsFor(OrderState s, LineItem l, Map<String, List<ShipmentLine>> cache) {
        List<ShipmentLine> out = new ArrayList<>(linesOf(s.id(), l.id(), cache));
        if (forwarded(l, s)) {
            out.addAll(linesOf(l.outgoingOrderID(), l.id(), cache));
        }
        return out;
    }

    private List<ShipmentLine> linesOf(String orderID, String lineID, Map<String, List<ShipmentLine>> cache) {
        return cache.computeIfAbsent(orderID, this::ofOrder).stream().filter(i -> i.lineItemID().equals(lineID)).toList();
    }

    /** An item counts only while its shipment exists; a dated count also needs {@code DateShipped}. */
    private boolean counts(ShipmentLine i, boolean datedOnly) {
        return shipments().find(i.shipmentID()).map(sh -> !datedOnly || sh.dateShipped() != null).orElse(false);
    }
}
