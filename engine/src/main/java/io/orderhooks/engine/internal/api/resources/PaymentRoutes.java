package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.resources.OrderRouting.READ;
import static io.orderhooks.engine.internal.api.resources.OrderRouting.WRITE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.payments.PaymentService;
import io.orderhooks.core.model.Payment;
import io.orderhooks.core.model.PaymentTransaction;

/** {@code .../payments[/{paymentID}[/transactions[/{transactionID}]]]} of an order and of the cart. */
public final class PaymentRoutes {

    private PaymentRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        PaymentService payments = ctx.engine().payments();
        OrderRouting both = new OrderRouting(t, ctx);
        both.get("/payments", READ, (r, c, d, id) -> ctx.list(r, payments.list(c, d, id), Payment.class));
        both.post("/payments", 201, WRITE, (r, c, d, id) -> payments.create(c, d, id, ctx.body(r, Payment.class)));
        both.get("/payments/{paymentID}", READ, (r, c, d, id) -> find(payments, c, d, id, r.param("paymentID")));
        both.patch("/payments/{paymentID}", WRITE, (r, c, d, id) -> {
            Payment old = find(payments, c, d, id, r.param("paymentID"));
            ObjectNode body = r.bodyObject();
            Payment merged = ctx.patch(r, old, Payment.class);
            Ids.requireSame(OrderFields.has(body, "ID") ? merged.id() : null, old.id());
            for (String readOnly : new String[] {"Type", "CreditCardID", "SpendingAccountID", "Transactions"}) {
                if (OrderFields.has(body, readOnly)) {
                    throw Errors.bad("Payment.CannotPatchProperty", readOnly + " cannot be patched; delete the payment and create another.");
                }
            }
            return payments.patch(c, d, id, old.id(), OrderFields.has(body, "Accepted") ? merged.accepted() : null,
                    OrderFields.has(body, "Amount") ? merged.amount() : null, OrderFields.has(body, "xp") ? merged.xp() : null);
        });
        both.delete("/payments/{paymentID}", WRITE, (r, c, d, id) -> {
            payments.delete(c, d, id, r.param("paymentID"));
            return null;
        });
        both.post("/payments/{paymentID}/transactions", 201, WRITE,
                (r, c, d, id) -> {
                    // the SDK declares CreateTransaction to answer the Payment, transactions included
                    payments.addTransaction(c, d, id, r.param("paymentID"), ctx.body(r, PaymentTransaction.class));
                    return find(payments, c, d, id, r.param("paymentID"));
                });
        both.delete("/payments/{paymentID}/transactions/{transactionID}", WRITE, (r, c, d, id) -> {
            payments.removeTransaction(c, d, id, r.param("paymentID"), r.param("transactionID"));
            return null;
        });
    }

    private static Payment find(PaymentService payments, io.orderhooks.engine.internal.Caller c,
            io.orderhooks.engine.internal.orders.Direction d, String orderID, String paymentID) {
        return payments.list(c, d, orderID).stream().filter(p -> p.id().equals(paymentID)).findFirst()
                .orElseThrow(() -> Errors.notFound("Payment", paymentID));
    }
}
