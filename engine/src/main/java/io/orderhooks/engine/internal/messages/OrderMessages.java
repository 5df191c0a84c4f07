package io.orderhooks.engine.internal.messages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.Shipment;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.orders.OrderState;
import java.util.List;
import java.util.Objects;

/**
 * OrderCloud's order notifications through the {@link MessageSender}: {@code OrderSubmitted}, {@code OrderApproved},
 * {@code OrderDeclined} and {@code ShipmentCreated}, sent to the order's {@code FromUser} with the event body
 * {@code {Order, Approvals, LineItems}} (+ {@code Shipment} for a shipment), as the SDK's
 * {@code MessageSender*Payload} types declare. Sending never fails the order action. Thread-safe.
 */
public final class OrderMessages {

    private final EngineContext ctx;
    private final MessageSender sender;

    public OrderMessages(EngineContext ctx, MessageSender sender) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    /**
     * {@code messageType} about {@code order} (as stored now), triggered by {@code trigger}. An order that awaits
     * approval after submit is told {@code OrderSubmittedForApproval}; one still awaiting another approval after an
     * approve is told nothing yet.
     */
    public void send(Caller trigger, String messageType, Order order) {
        boolean awaiting = order != null && order.status() == io.orderhooks.core.model.OrderStatus.AwaitingApproval;
        if (awaiting && MessageTypes.ORDER_APPROVED.equals(messageType)) {
            return;
        }
        send(trigger, awaiting && MessageTypes.ORDER_SUBMITTED.equals(messageType) ? "OrderSubmittedForApproval"
                : messageType, order, null);
    }

    /** {@code ShipmentCreated} for {@code shipment} of {@code order}. */
    public void shipped(Caller trigger, Order order, Shipment shipment) {
        send(trigger, MessageTypes.SHIPMENT_CREATED, order, shipment);
    }

    /**
     * Reads what the message needs (buyer, subscriptions, recipient, message senders) together
     * ({@code Store#readTogether}): unchanged read-mostly tables cost one statement for all of them.
     */
    private void send(Caller trigger, String messageType, Order order, Shipment shipment) {
        if (order == null || order.fromUserID() == null || order.fromCompanyID() == null) {
            return;
        }
        ctx.store().readTogether(() -> {
            sendRead(trigger, messageType, order, shipment);
            return null;
        });
    }

    private void sendRead(Caller trigger, String messageType, Order order, Shipment shipment) {
        String buyerID = ctx.store().table(io.orderhooks.engine.internal.store.Tables.BUYERS)
                .find(order.fromCompanyID()).isPresent() ? order.fromCompanyID() : null;
        sender.sendLazily(trigger, messageType, order.fromCompanyID(), List.of(order.fromUserID()), buyerID, () -> {
            ObjectMapper json = OrderCloudJson.mapper();
            OrderState state = ctx.store().order(order.id()).orElse(null);
            ObjectNode body = json.createObjectNode();
            body.set("Order", json.valueToTree(state != null ? state.order() : order));
            body.set("Approvals", json.valueToTree(state != null ? state.approvals() : List.of()));
            body.set("LineItems", json.valueToTree(state != null ? state.lineItems() : List.of()));
            if (shipment != null) {
                body.set("Shipment", json.valueToTree(shipment));
            }
            return body;
        });
    }
}
