package io.orderhooks.engine.internal.orders;

import io.orderhooks.engine.internal.orders.internal.LineList;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderApprovedResponse;
import io.orderhooks.core.model.OrderApproval;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderPromotion;
import io.orderhooks.core.model.OrderSubmitForApprovalResponse;
import io.orderhooks.core.model.OrderSubmitResponse;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.Payment;
import io.orderhooks.core.model.ShipEstimateResponse;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An order and everything under it, stored and changed as one unit (see {@code Store.withOrder}).
 * Immutable; the {@code with*} methods return copies. {@code lineItems} is kept as a {@link LineList}, so
 * appending a line and finding one by ID are O(1).
 *
 * @param submitGeneration counts completed submits (a declined-and-resubmitted order is submitted twice); it
 *     makes the integration idempotency keys stable across retries of one submit
 * @param revision counts committed changes of the aggregate (every {@code Store.withOrder} commit through the engine's
 *     store increments it); a checkout call applies its answer only when the revision it started from is unchanged
 * @param reservation the checkout call in flight on the order (submit, approval), or {@code null}; while it is
 *     active every other change of the order is refused (see {@code docs/DURABILITY.md}, "Transactions")
 */
public record OrderState(
        Order order,
        List<LineItem> lineItems,
        List<Payment> payments,
        List<OrderPromotion> promotions,
        ShipEstimateResponse shipEstimateResponse,
        OrderCalculateResponse calculateResponse,
        OrderSubmitResponse submitResponse,
        OrderSubmitForApprovalResponse submitForApprovalResponse,
        OrderApprovedResponse approvedResponse,
        List<OrderApproval> approvals,
        int submitGeneration,
        long revision,
        CheckoutReservation reservation) {

    public OrderState {
        Objects.requireNonNull(order, "order");
        lineItems = LineList.copyOf(lineItems);
        payments = List.copyOf(payments);
        promotions = List.copyOf(promotions);
        approvals = List.copyOf(approvals);
    }

    /**
     * The most lines an order may hold (the durable stores key an order's lines in a range of this many keys,
     * docs/DURABILITY.md "Schema").
     */
    public static final int MAX_LINE_ITEMS = 65_536;

    /** 400 {@code Order.TooManyLineItems}: a change would give an order more than {@link #MAX_LINE_ITEMS} lines. */
    public static io.orderhooks.core.error.OrderCloudException tooManyLines() {
        return io.orderhooks.engine.internal.Errors.bad("Order.TooManyLineItems",
                "An order holds at most " + MAX_LINE_ITEMS + " line items.");
    }

    /** A new order with nothing under it. */
    public static OrderState of(Order order) {
        return new OrderState(order, List.of(), List.of(), List.of(), null, null, null, null, null, List.of(), 0, 0, null);
    }

    public String id() {
        return order.id();
    }

    /** The first line with this ID: O(1) after lines were added one by one (see {@link LineList}). */
    public Optional<LineItem> line(String lineItemID) {
        int i = lines().find(lineItemID);
        return i < 0 ? Optional.empty() : Optional.of(lineItems.get(i));
    }

    /** The lines as the engine's indexed list (the same instance as {@link #lineItems()}). */
    LineList lines() {
        return (LineList) lineItems;
    }

    /** The worksheet: what checkout events carry and {@code GET .../worksheet} returns. */
    public OrderWorksheet worksheet() {
        return OrderWorksheet.builder().order(order).lineItems(lineItems).orderPromotions(promotions)
                .shipEstimateResponse(shipEstimateResponse).orderCalculateResponse(calculateResponse)
                .orderSubmitResponse(submitResponse).orderSubmitForApprovalResponse(submitForApprovalResponse)
                .orderApprovedResponse(approvedResponse).build();
    }

    public OrderState withOrder(Order o) {
        return new OrderState(o, lineItems, payments, promotions, shipEstimateResponse, calculateResponse,
                submitResponse, submitForApprovalResponse, approvedResponse, approvals, submitGeneration, revision, reservation);
    }

    public OrderState withLineItems(List<LineItem> l) {
        return new OrderState(order, l, payments, promotions, shipEstimateResponse, calculateResponse,
                submitResponse, submitForApprovalResponse, approvedResponse, approvals, submitGeneration, revision, reservation);
    }

    public OrderState withPayments(List<Payment> p) {
        return new OrderState(order, lineItems, p, promotions, shipEstimateResponse, calculateResponse,
                submitResponse, submitForApprovalResponse, approvedResponse, approvals, submitGeneration, revision, reservation);
    }

    public OrderState withPromotions(List<OrderPromotion> p) {
        return new OrderState(order, lineItems, payments, p, shipEstimateResponse, calculateResponse,
                submitResponse, submitForApprovalResponse, approvedResponse, approvals, submitGeneration, revision, reservation);
    }

    public OrderState withShipEstimateResponse(ShipEstimateResponse r) {
        return new OrderState(order, lineItems, payments, promotions, r, calculateResponse,
                submitResponse, submitForApprovalResponse, approvedResponse, approvals, submitGeneration, revision, reservation);
    }

    public OrderState withCalculateResponse(OrderCalculateResponse r) {
        return new OrderState(order, lineItems, payments, promotions, shipEstimateResponse, r,
                submitResponse, submitForApprovalResponse, approvedResponse, approvals, submitGeneration, revision, reservation);
    }

    public OrderState withSubmitResponse(OrderSubmitResponse r) {
        return new OrderState(order, lineItems, payments, promotions, shipEstimateResponse, calculateResponse,
                r, submitForApprovalResponse, approvedResponse, approvals, submitGeneration, revision, reservation);
    }

    public OrderState withSubmitForApprovalResponse(OrderSubmitForApprovalResponse r) {
        return new OrderState(order, lineItems, payments, promotions, shipEstimateResponse, calculateResponse,
                submitResponse, r, approvedResponse, approvals, submitGeneration, revision, reservation);
    }

    public OrderState withApprovedResponse(OrderApprovedResponse r) {
        return new OrderState(order, lineItems, payments, promotions, shipEstimateResponse, calculateResponse,
                submitResponse, submitForApprovalResponse, r, approvals, submitGeneration, revision, reservation);
    }

    public OrderState withApprovals(List<OrderApproval> a) {
        return new OrderState(order, lineItems, payments, promotions, shipEstimateResponse, calculateResponse,
                submitResponse, submitForApprovalResponse, approvedResponse, a, submitGeneration, revision, reservation);
    }

    public OrderState withSubmitGeneration(int g) {
        return new OrderState(order, lineItems, payments, promotions, shipEstimateResponse, calculateResponse,
                submitResponse, submitForApprovalResponse, approvedResponse, approvals, g, revision, reservation);
    }

    public OrderState withRevision(long r) {
        return new OrderState(order, lineItems, payments, promotions, shipEstimateResponse, calculateResponse,
                submitResponse, submitForApprovalResponse, approvedResponse, approvals, submitGeneration, r, reservation);
    }

    public OrderState withReservation(CheckoutReservation r) {
        return new OrderState(order, lineItems, payments, promotions, shipEstimateResponse, calculateResponse,
                submitResponse, submitForApprovalResponse, approvedResponse, approvals, submitGeneration, revision, r);
    }
}
