package io.orderhooks.engine.internal.returns;

import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.OrderReturnItem;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.orders.OrderState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules for what a return may hold, and its default refunds. Stateless.
 *
 * <ul>
 *   <li>The order must be {@code Open} or {@code Completed} ({@code OrderReturn.InvalidOrderStatus}).
 *   <li>Each item names a line of the order ({@code OrderReturn.InvalidLineItem}) once
 *       ({@code OrderReturn.DuplicateLineItem}), with a {@code Quantity} of at least 1 ({@code OrderReturn.InvalidQuantity})
 *       and at most the returnable quantity: the line's {@code QuantityShipped} (its {@code Quantity} while nothing of it
 *       shipped) less what other live returns (not {@code Canceled} or {@code Declined}) of the order already hold
 *       ({@code OrderReturn.QuantityExceedsReturnable}).
 *   <li>An item's {@code RefundAmount} is {@code LineTotal x Quantity / line Quantity} (2 decimals, half up) unless a
 *       marketplace owner set one ({@code OrderReturn.InvalidRefundAmount} when negative); others' amounts are
 *       recomputed. The return's {@code RefundAmount} is the sum of its items'.
 * </ul>
 */
final class ReturnItems {

    private ReturnItems() {}

    static void requireReturnableOrder(OrderState s) {
        OrderStatus st = s.order().status();
        if (st != OrderStatus.Open && st != OrderStatus.Completed) {
            throw Errors.bad("OrderReturn.InvalidOrderStatus", "Only an Open or Completed order can be returned. Order "
                    + s.id() + " is " + st + ".", Map.of("OrderID", s.id(), "Status", String.valueOf(st)));
        }
    }

    /**
     * The items checked and priced.
     *
     * @param others the order's other returns (this one excluded)
     * @param keepRefunds whether given {@code RefundAmount}s are kept (a marketplace owner's)
     */
    static List<OrderReturnItem> check(OrderState s, List<OrderReturnItem> items, List<ReturnState> others, boolean keepRefunds) {
        if (items == null) {
            return List.of();
        }
        Map<String, Integer> held = heldByOthers(others);
        Set<String> seen = new HashSet<>();
        List<OrderReturnItem> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            OrderReturnItem item = items.get(i);
            if (item == null || item.lineItemID() == null || item.lineItemID().isBlank()) {
                throw Errors.required("ItemsToReturn[" + i + "].LineItemID");
            }
            String id = item.lineItemID();
            LineItem line = s.line(id).orElseThrow(() -> Errors.bad("OrderReturn.InvalidLineItem",
                    "Line item " + id + " is not a line of order " + s.id() + ".", Map.of("LineItemID", id)));
            if (!seen.add(id)) {
                throw Errors.bad("OrderReturn.DuplicateLineItem", "Line item " + id + " is listed more than once.", Map.of("LineItemID", id));
            }
            if (item.quantity() == null || item.quantity() < 1) {
                throw Errors.bad("OrderReturn.InvalidQuantity", "Quantity of line item " + id + " must be at least 1, was "
                        + item.quantity() + ".", Map.of("LineItemID", id));
            }
            int returnable = returnable(line) - held.getOrDefault(id, 0);
            if (item.quantity() > returnable) {
                throw Errors.bad("OrderReturn.QuantityExceedsReturnable", "Only " + Math.max(returnable, 0) + " of line item " + id
                        + " can be returned, not " + item.quantity() + ".", Map.of("LineItemID", id, "Returnable", Math.max(returnable, 0)));
            }
            out.add(priced(line, item, keepRefunds));
        }
        return List.copyOf(out);
    }

    static BigDecimal total(List<OrderReturnItem> items) {
        return items.stream().map(OrderReturnItem::refundAmount).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What of {@code line} may be returned at most: shipped units, or all units while none shipped. */
    static int returnable(LineItem line) {
        int shipped = line.quantityShipped() == null ? 0 : line.quantityShipped();
        return shipped > 0 ? shipped : line.quantity() == null ? 0 : line.quantity();
    }

    static boolean live(ReturnState r) {
        OrderStatus st = r.ret().status();
        return st != OrderStatus.Canceled && st != OrderStatus.Declined;
    }

    private static OrderReturnItem priced(LineItem line, OrderReturnItem item, boolean keepRefunds) {
        if (keepRefunds && item.refundAmount() != null) {
            if (item.refundAmount().signum() < 0) {
                throw Errors.bad("OrderReturn.InvalidRefundAmount", "RefundAmount of line item " + line.id()
                        + " must not be negative.", Map.of("LineItemID", line.id()));
            }
            return item;
        }
        BigDecimal lineTotal = line.lineTotal() == null ? BigDecimal.ZERO : line.lineTotal();
        int qty = line.quantity() == null || line.quantity() == 0 ? 1 : line.quantity();
        BigDecimal refund = lineTotal.multiply(BigDecimal.valueOf(item.quantity())).divide(BigDecimal.valueOf(qty), 2, RoundingMode.HALF_UP);
        return item.withRefundAmount(refund);
    }

    private static Map<String, Integer> heldByOthers(List<ReturnState> others) {
        Map<String, Integer> held = new LinkedHashMap<>();
        others.stream().filter(ReturnItems::live).flatMap(r -> r.ret().itemsToReturn() == null ? java.util.stream.Stream.empty()
                : r.ret().itemsToReturn().stream()).forEach(i -> held.merge(i.lineItemID(), i.quantity() == null ? 0 : i.quantity(), Integer::sum));
        return held;
    }
}
