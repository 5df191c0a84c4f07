package io.orderhooks.engine.internal.fulfillment;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.Shipment;

/**
 * Who may ship what. Shipments are managed by the seller or a supplier holding {@code ShipmentAdmin}; buyers only
 * read them. The seller ships orders placed with the marketplace (incoming), a supplier only orders forwarded to it.
 * A shipment is visible to the seller, and to the supplier that owns it ({@code OwnerID}); others get 404.
 */
final class ShipperAccess {

    private final EngineContext ctx;

    ShipperAccess(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** 403: buyers never manage shipments ({@code Auth.UserNotAuthorizedToAdmin}); others need {@code ShipmentAdmin} ({@code Auth.InsufficientRoles}). */
    static void requireShipper(Caller caller) {
        if (caller.isBuyer()) {
            throw Errors.forbidden("buyer users cannot create or change shipments");
        }
        if (!caller.hasRole("ShipmentAdmin")) {
            throw new OrderCloudException(403, "Auth.InsufficientRoles", "User does not have the role(s) required to perform this action: ShipmentAdmin.");
        }
    }

    /** 404 unless the caller receives the order: the seller its incoming orders, a supplier the orders forwarded to it. */
    void requireReceiver(Caller caller, OrderState s) {
        String receiver = caller.isSeller() ? ctx.config().sellerOrgID() : caller.companyID();
        if (caller.isBuyer() || !receiver.equals(s.order().toCompanyID())) {
            throw Errors.notFound("Order", s.id());
        }
    }

    /** Shipping, adding or removing items needs an {@code Open} order ({@code Order.CannotShipBadStatus}). */
    static void requireOpen(OrderState s) {
        if (s.order().status() != OrderStatus.Open) {
            throw Errors.bad("Order.CannotShipBadStatus", "Cannot ship order with this status. Order status must be Open. Order "
                    + s.id() + " is " + s.order().status() + ".");
        }
    }

    boolean canSee(Caller caller, Shipment sh) {
        return caller.isSeller() || (caller.isSupplier() && caller.companyID().equals(sh.ownerID()));
    }

    /** The shipment if the caller (seller or supplier) may see it; 404 otherwise. */
    Shipment load(Caller caller, String shipmentID) {
        Shipment sh = ctx.store().table(Tables.SHIPMENTS).find(shipmentID).orElseThrow(() -> Errors.notFound("Shipment", shipmentID));
        if (!canSee(caller, sh)) {
            throw Errors.notFound("Shipment", shipmentID);
        }
        return sh;
    }
}
