package io.orderhooks.engine.internal.checkout;

import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.payments.PaymentService;
import io.orderhooks.engine.internal.promotions.PromotionService;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.Inventory;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.Product;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The built-in submit checks, in the order they run (see docs/ENGINE.md). */
public final class SubmitChecks {

    private SubmitChecks() {}

    public static List<SubmitCheck> defaults(EngineContext ctx, PromotionService promotions) {
        return List.of(STATUS, LINES, PAYMENTS_ACCEPTED, PAYMENTS_COVER_TOTAL, CALCULATED, promotions(promotions), products(ctx));
    }

    public static final SubmitCheck STATUS = c -> {
        if (c.order().order().status() != OrderStatus.Unsubmitted) {
            throw Errors.bad("Order.CannotSubmitBadStatus", "Cannot submit order with this status. Order status must be Unsubmitted.");
        }
    };

    public static final SubmitCheck LINES = c -> {
        if (c.order().lineItems().isEmpty()) {
            throw Errors.bad("Order.CannotSubmitWithNoLineItems", "Cannot submit an order without any line items.");
        }
    };

    public static final SubmitCheck PAYMENTS_ACCEPTED = c -> {
        if (c.order().payments().stream().anyMatch(p -> !Boolean.TRUE.equals(p.accepted()))) {
            throw Errors.bad("Order.CannotSubmitWithUnaccceptedPayments", "Cannot submit an order with payments that have not been Accepted.");
        }
    };

    /** When an order has payments, they must add up to its total exactly. An order with none may be submitted (invoicing). */
    public static final SubmitCheck PAYMENTS_COVER_TOTAL = c -> {
        if (c.order().payments().isEmpty()) {
            return;
        }
        BigDecimal paid = PaymentService.resolvedAmounts(c.order()).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (paid.compareTo(c.order().order().total()) != 0) {
            throw Errors.bad("Order.CannotSubmitPaymentsDoNotCoverTotal", "Payments total " + paid.toPlainString()
                    + " but the order total is " + c.order().order().total().toPlainString() + ".");
        }
    };

    public static final SubmitCheck CALCULATED = c -> {
        if (c.endpoint() != null && (c.order().calculateResponse() == null
                || !Boolean.TRUE.equals(c.order().calculateResponse().succeeded()))) {
            throw Errors.bad("Order.CannotSubmitUncalculatedOrder",
                    "Cannot submit an order that has not called the OrderCalculate step of the checkout integration.");
        }
    };

    static SubmitCheck promotions(PromotionService promotions) {
        return c -> promotions.requireSubmittable(c.order());
    }

    /** Products must still exist and be active, and tracked inventory must cover the order. */
    static SubmitCheck products(EngineContext ctx) {
        return c -> {
            Map<String, Integer> wanted = c.order().lineItems().stream().filter(l -> l.inventoryRecordID() == null)
                    .collect(Collectors.groupingBy(LineItem::productID, Collectors.summingInt(LineItem::quantity)));
            List<String> missing = new ArrayList<>();
            Map<String, Product> products = ctx.store().table(Tables.PRODUCTS).findAll(wanted.keySet());
            for (Map.Entry<String, Integer> w : wanted.entrySet()) {
                Optional<Product> p = Optional.ofNullable(products.get(w.getKey()));
                if (p.isEmpty()) {
                    missing.add(w.getKey());
                    continue;
                }
                if (!Boolean.TRUE.equals(p.get().active())) {
                    throw Errors.bad("Order.CannotSubmitWithInactiveProduct", "Cannot submit an order with an inactive product: " + w.getKey());
                }
                Inventory inv = p.get().inventory();
                if (inv != null && Boolean.TRUE.equals(inv.enabled()) && !Boolean.TRUE.equals(inv.orderCanExceed())
                        && w.getValue() > (inv.quantityAvailable() == null ? 0 : inv.quantityAvailable())) {
                    throw Errors.bad("Inventory.Insufficient", "Insufficient inventory for product " + w.getKey(), Map.of("ProductID", w.getKey()));
                }
            }
            if (!missing.isEmpty()) {
                throw Errors.bad("Order.ProductsNotFound", "Cannot submit an order because the following products are not accessible any more.",
                        Map.of("ProductIDs", missing));
            }
        };
    }
}
