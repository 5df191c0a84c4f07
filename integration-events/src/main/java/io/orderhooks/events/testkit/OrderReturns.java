package io.orderhooks.events.testkit;

import io.orderhooks.core.model.OrderReturn;
import io.orderhooks.core.model.OrderReturnItem;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.OrderWorksheet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Order returns for {@code /calculateorderreturn} tests, in a line:
 * {@code OrderReturns.of("r1", worksheet).item("line1", 1).build()}. The return is {@code Unsubmitted}, of the
 * worksheet's order, with no refunds set (the handler computes them). Not thread-safe.
 */
public final class OrderReturns {

    private final String returnID;
    private final OrderWorksheet worksheet;
    private final List<OrderReturnItem> items = new ArrayList<>();

    private OrderReturns(String returnID, OrderWorksheet worksheet) {
        this.returnID = returnID;
        this.worksheet = worksheet;
    }

    /** A return {@code returnID} of the order in {@code worksheet}. */
    public static OrderReturns of(String returnID, OrderWorksheet worksheet) {
        if (returnID == null || returnID.isBlank()) {
            throw new IllegalArgumentException("returnID must not be blank");
        }
        Objects.requireNonNull(worksheet, "worksheet");
        if (worksheet.order() == null) {
            throw new IllegalArgumentException("the worksheet has no order");
        }
        return new OrderReturns(returnID, worksheet);
    }

    /** Returns {@code quantity} units of line {@code lineItemID}, which must be a line of the worksheet. */
    public OrderReturns item(String lineItemID, int quantity) {
        boolean known = worksheet.lineItems() != null && worksheet.lineItems().stream().anyMatch(l -> l.id().equals(lineItemID));
        if (!known) {
            throw new IllegalArgumentException(lineItemID + " is not a line of order " + worksheet.order().id());
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
        }
        items.add(new OrderReturnItem(lineItemID, quantity, null, null));
        return this;
    }

    public OrderReturn build() {
        return new OrderReturn(returnID, worksheet.order().id(), List.of(), OrderStatus.Unsubmitted, worksheet.order().dateCreated(),
                null, null, null, null, null, null, null, null, List.copyOf(items), null);
    }
}
