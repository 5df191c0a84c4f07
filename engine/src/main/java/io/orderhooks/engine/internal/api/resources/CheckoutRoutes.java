package io.orderhooks.engine.internal.api.resources;

import io.orderhooks.core.observe.EngineEvent;
import io.orderhooks.core.observe.Observer;
import static io.orderhooks.engine.internal.api.RouteTable.roles;
import static io.orderhooks.engine.internal.api.resources.OrderRouting.CHECKOUT;
import static io.orderhooks.engine.internal.api.resources.OrderRouting.READ;
import static io.orderhooks.engine.internal.api.resources.OrderRouting.WRITE;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderApproval;
import io.orderhooks.engine.internal.messages.MessageTypes;
import io.orderhooks.core.model.OrderApprovalInfo;
import io.orderhooks.core.model.OrderShipMethodSelection;
import io.orderhooks.core.model.Shipment;
import io.orderhooks.core.model.User;
import java.util.Set;

/**
 * Checkout and order actions: {@code estimateshipping}, {@code shipmethods}, {@code calculate} and
 * {@code worksheet} (answer the OrderWorksheet, 200), {@code submit} (the Order, 201) and {@code validate} (the
 * submit checks without submitting: 204, or the first refusal) on orders and the cart;
 * {@code approve}/{@code decline} (the Order, 201), {@code approvals}, {@code eligibleapprovers},
 * {@code cancel}/{@code complete} (the Order, 201), {@code ship} (the Shipment, 201), {@code shipments},
 * {@code split}/{@code forward} ({@code OrderSplitResult}, 201) on orders.
 */
public final class CheckoutRoutes {

    static final Set<String> WORKSHEET = roles("IntegrationEventAdmin", "OrderAdmin", "OrderReader", "Shopper");

    private CheckoutRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        Engine e = ctx.engine();
        OrderRouting both = new OrderRouting(t, ctx);
        both.get("/worksheet", WORKSHEET, (r, c, d, id) -> e.checkout().worksheet(c, d, id));
        both.postCallingMiddleware("/estimateshipping", 200, CHECKOUT, (r, c, d, id) -> e.checkout().estimateShipping(c, d, id, r.accessToken()));
        both.post("/shipmethods", 200, CHECKOUT, (r, c, d, id) -> {
            OrderShipMethodSelection body = ctx.body(r, OrderShipMethodSelection.class);
            if (body.shipMethodSelections() == null) {
                throw Errors.required("ShipMethodSelections");
            }
            body.shipMethodSelections().forEach(s -> {
                if (s == null || s.shipEstimateID() == null || s.shipMethodID() == null) {
                    throw Errors.required("ShipMethodSelections[].ShipEstimateID and ShipMethodID");
                }
            });
            return e.checkout().selectShipMethods(c, d, id, body.shipMethodSelections());
        });
        both.postCallingMiddleware("/calculate", 200, CHECKOUT, (r, c, d, id) -> e.checkout().calculate(c, d, id, r.accessToken()));
        both.postCallingMiddleware("/submit", 201, CHECKOUT, (r, c, d, id) -> notified(e, c, MessageTypes.ORDER_SUBMITTED,
                transitioned(e, EngineEvent.Transition.SUBMITTED, e.submit().submit(c, d, id, r.accessToken()))));
        both.post("/validate", 204, CHECKOUT, (r, c, d, id) -> {
            e.submit().validate(c, d, id);
            return null;
        });

        both.postOrderOnlyCallingMiddleware("/approve", 201, WRITE, (r, c, d, id) -> notified(e, c, MessageTypes.ORDER_APPROVED,
                transitioned(e, EngineEvent.Transition.APPROVED, e.approvals().approve(c, d, id, approvalInfo(ctx, r), r.accessToken()))));
        both.postOrderOnly("/decline", 201, WRITE, (r, c, d, id) -> notified(e, c, MessageTypes.ORDER_DECLINED,
                transitioned(e, EngineEvent.Transition.DECLINED, e.approvals().decline(c, d, id, approvalInfo(ctx, r)))));
        both.getOrderOnly("/approvals", READ, (r, c, d, id) -> ctx.list(r, e.approvals().listApprovals(c, d, id), OrderApproval.class));
        both.getOrderOnly("/eligibleapprovers", READ, (r, c, d, id) -> ctx.list(r, e.approvals().eligibleApprovers(c, d, id), User.class));
        both.postOrderOnly("/cancel", 201, WRITE, (r, c, d, id) -> e.fulfillment().cancel(c, d, id));
        both.postOrderOnly("/complete", 201, roles("OrderAdmin"), (r, c, d, id) -> e.fulfillment().complete(c, d, id));
        both.postOrderOnly("/ship", 201, roles("OrderAdmin", "ShipmentAdmin"),
                (r, c, d, id) -> {
                    // the SDK declares Orders.Ship to answer the Order (the shipment is under .../shipments)
                    Shipment shipment = e.fulfillment().ship(c, d, id, r.hasBody() ? ctx.body(r, Shipment.class) : null);
                    Order order = e.orders().get(c, d, id);
                    e.orderMessages().shipped(c, order, shipment);
                    return order;
                });
        both.getOrderOnly("/shipments", roles("OrderAdmin", "OrderReader", "Shopper", "ShipmentReader", "ShipmentAdmin"),
                (r, c, d, id) -> ctx.list(r, e.buyerShipments().listForOrder(c, d, id), Shipment.class));
        both.postOrderOnly("/split", 201, roles("OrderAdmin"), (r, c, d, id) -> e.forwarding().split(c, d, id));
        both.postOrderOnly("/forward", 201, roles("OrderAdmin"), (r, c, d, id) -> e.forwarding().forward(c, d, id));
    }

    /** The optional {@code {Comments, AllowResubmit}} body of approve / decline. */
    private static OrderApprovalInfo approvalInfo(ApiContext ctx, io.orderhooks.engine.internal.api.ApiRequest r) {
        return r.hasBody() ? ctx.body(r, OrderApprovalInfo.class) : new OrderApprovalInfo(null, null);
    }

    /** {@code order} after an action that succeeded, notified as {@code messageType} (when an Order is answered). */
    private static <T> T notified(Engine e, io.orderhooks.engine.internal.Caller c, String messageType, T order) {
        if (order instanceof Order o) {
            e.orderMessages().send(c, messageType, o);
        }
        return order;
    }

    /** {@code result} of a transition that succeeded, told to the engine's observer. */
    private static <T> T transitioned(Engine e, EngineEvent.Transition transition, T result) {
        Observer.publish(e.observer(), new EngineEvent.OrderTransitioned(transition));
        return result;
    }
}
