package io.orderhooks.engine.internal.fulfillment;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.checkout.SubmitEffects;
import io.orderhooks.engine.internal.orders.Direction;
import io.orderhooks.engine.internal.orders.OrderAccess;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.orgs.SpendingAccountService;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.Payment;
import io.orderhooks.core.model.Shipment;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Order-level fulfilment actions: {@code ship} (one shipment with everything), {@code complete} (orders that need
 * no shipping) and {@code cancel}. Each runs under the order's lock; a refused call changes nothing. Thread-safe.
 */
public final class OrderFulfillmentService {

    /** OrderCloud: "Cannot cancel an order with the status of Open or Completed"; a canceled order stays canceled. */
    private static final Set<OrderStatus> CANCELABLE = EnumSet.of(OrderStatus.Unsubmitted, OrderStatus.AwaitingApproval, OrderStatus.Declined);

    private final EngineContext ctx;
    private final OrderAccess orders;
    private final ShipperAccess shippers;
    private final ShipmentService shipments;
    private final SpendingAccountService accounts;

    public OrderFulfillmentService(EngineContext ctx, ShipmentService shipments, SpendingAccountService accounts) {
        this.ctx = ctx;
        this.orders = new OrderAccess(ctx);
        this.shippers = new ShipperAccess(ctx);
        this.shipments = shipments;
        this.accounts = accounts;
    }

    /**
     * Creates one shipment (fields from {@code body}; {@code DateShipped} defaults to now) holding the full quantity
     * of every line not forwarded to a supplier, which completes the order when nothing else is outstanding.
     * Errors: {@code Order.CannotShipBadStatus} unless Open; {@code Order.CannotShipWithNoLineItems} when no line is
     * left to ship; {@code Order.ConflictsWithOtherShipments} when a line is already (partly) on a shipment, with the
     * conflicting lines as {@code Data}; 409 {@code IdExists} for a taken shipment ID.
     */
    public Shipment ship(Caller caller, Direction direction, String orderID, Shipment body) {
        ShipperAccess.requireShipper(caller);
        Shipment b = body == null ? Shipment.builder().build() : body;
        String id = b.id() == null || b.id().isBlank() ? ctx.ids().next() : b.id();
        Shipment[] made = new Shipment[1];
        OrderState after = ctx.store().withOrder(orderID, s -> {
            requireVisible(caller, direction, s);
            shippers.requireReceiver(caller, s);
            ShipperAccess.requireOpen(s);
            List<LineItem> own = s.lineItems().stream().filter(l -> !ShipmentLedger.forwarded(l, s)).toList();
            if (own.isEmpty()) {
                throw Errors.bad("Order.CannotShipWithNoLineItems", "Cannot ship an order without any line items.");
            }
            List<LineItem> conflicts = own.stream().filter(l -> shipments.ledger().shipped(s, l, false) > 0).toList();
            if (!conflicts.isEmpty()) {
                throw new OrderCloudException(400, "Order.ConflictsWithOtherShipments", "Cannot ship full order because it contains line items "
                        + "that are on other shipments. The returned data contains these conflicting line items.",
                        OrderCloudJson.mapper().valueToTree(conflicts));
            }
            made[0] = b.toBuilder().id(id).ownerID(caller.isSupplier() ? caller.companyID() : b.ownerID())
                    .buyerID(b.buyerID() != null ? b.buyerID() : shipments.buyerOf(s))
                    .dateShipped(b.dateShipped() != null ? b.dateShipped() : ctx.now()).build();
            List<ShipmentLine> items = own.stream().map(l -> new ShipmentLine(id, s.id(), l.id(), l.quantity())).toList();
            OrderState next = shipments.shipAll(made[0], s, items);
            return Mutation.commit(next, next);
        });
        shipments.ledger().rollUp(after);
        return made[0];
    }

    /** Completes an {@code Open} order that needs no shipping ({@code Order.CannotCompleteBadStatus} otherwise). */
    public Order complete(Caller caller, Direction direction, String orderID) {
        OrderState after = ctx.store().withOrder(orderID, s -> {
            requireVisible(caller, direction, s);
            shippers.requireReceiver(caller, s);
            if (s.order().status() != OrderStatus.Open) {
                throw Errors.bad("Order.CannotCompleteBadStatus", "Cannot complete an order with this status. Order status must be Open. Order "
                        + s.id() + " is " + s.order().status() + ".");
            }
            Order o = s.order().toBuilder().status(OrderStatus.Completed).dateCompleted(ctx.now()).lastUpdated(ctx.now()).build();
            OrderState next = s.withOrder(o);
            return Mutation.commit(next, next);
        });
        return after.order();
    }

    /**
     * Cancels an {@code Unsubmitted}, {@code AwaitingApproval} or {@code Declined} order: status {@code Canceled},
     * {@code DateCanceled}; an order awaiting approval gives back its inventory and spending-account debits.
     * {@code Order.CannotCancelInCurrentStatus} for {@code Open}, {@code Completed} and {@code Canceled} orders.
     * The caller must be allowed to change the order (its placer, a buyer {@code OrderAdmin}, or the seller).
     */
    public Order cancel(Caller caller, Direction direction, String orderID) {
        OrderState after = ctx.store().withOrder(orderID, s -> {
            orders.requireModify(caller, direction, s);
            if (!CANCELABLE.contains(s.order().status())) {
                throw Errors.bad("Order.CannotCancelInCurrentStatus", "Cannot cancel an order with the status of Open or Completed. Order "
                        + s.id() + " is " + s.order().status() + ".");
            }
            List<Payment> payments = s.order().status() == OrderStatus.AwaitingApproval
                    ? SubmitEffects.release(ctx, accounts, s) : s.payments();
            Order o = s.order().toBuilder().status(OrderStatus.Canceled).dateCanceled(ctx.now()).lastUpdated(ctx.now()).build();
            OrderState next = s.withOrder(o).withPayments(payments);
            return Mutation.commit(next, next);
        });
        return after.order();
    }

    private void requireVisible(Caller caller, Direction direction, OrderState s) {
        if (!orders.canSee(caller, s, direction)) {
            throw Errors.notFound("Order", s.id());
        }
    }
}
