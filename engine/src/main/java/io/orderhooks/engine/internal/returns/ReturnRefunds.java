package io.orderhooks.engine.internal.returns;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.core.model.Payment;
import io.orderhooks.core.model.PaymentTransaction;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.orgs.SpendingAccountService;
import io.orderhooks.engine.internal.payments.PaymentService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records a completed return's refund on the order's payments: accepted payments are refunded in their order, each
 * up to its amount less earlier refunds, with a {@code Refund} transaction ({@code Amount} the refunded sum,
 * {@code xp.OrderReturnID} the return); a spending-account payment's account is credited. 400
 * {@code OrderReturn.RefundExceedsPayments} when the accepted payments cannot cover the refund. Call it under the
 * order's lock.
 */
final class ReturnRefunds {

    static final String REFUND = "Refund";

    /** The order's payments after the refund, and the IDs of those refunded. */
    record Outcome(List<Payment> payments, List<String> refundedIDs) {}

    private ReturnRefunds() {}

    static Outcome refund(EngineContext ctx, SpendingAccountService accounts, OrderState s, ReturnState r) {
        BigDecimal left = r.ret().refundAmount() == null ? BigDecimal.ZERO : r.ret().refundAmount();
        Map<String, BigDecimal> amounts = PaymentService.resolvedAmounts(s);
        BigDecimal refundable = s.payments().stream().filter(p -> Boolean.TRUE.equals(p.accepted()))
                .map(p -> available(p, amounts)).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (left.compareTo(refundable) > 0) {
            throw Errors.bad("OrderReturn.RefundExceedsPayments", "The refund of " + left.toPlainString()
                    + " exceeds what the order's accepted payments can refund (" + refundable.toPlainString() + ").",
                    Map.of("RefundAmount", left, "Refundable", refundable));
        }
        List<Payment> out = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Payment p : s.payments()) {
            BigDecimal part = Boolean.TRUE.equals(p.accepted()) ? left.min(available(p, amounts)) : BigDecimal.ZERO;
            if (part.signum() <= 0) {
                out.add(p);
                continue;
            }
            left = left.subtract(part);
            ids.add(p.id());
            if ("SpendingAccount".equals(p.type()) && p.spendingAccountID() != null) {
                accounts.credit(s.order().fromCompanyID(), p.spendingAccountID(), part);
            }
            List<PaymentTransaction> txs = new ArrayList<>(p.transactions() == null ? List.of() : p.transactions());
            txs.add(new PaymentTransaction(ctx.ids().next(), REFUND, ctx.now(), p.currency(), part, true, "Refunded",
                    "Refund for order return " + r.id(), JsonNodeFactory.instance.objectNode().put("OrderReturnID", r.id())));
            out.add(p.toBuilder().transactions(txs).build());
        }
        return new Outcome(out, ids);
    }

    /** What is left to refund on {@code p}: its amount less its earlier refunds. */
    private static BigDecimal available(Payment p, Map<String, BigDecimal> amounts) {
        BigDecimal refunded = p.transactions() == null ? BigDecimal.ZERO : p.transactions().stream()
                .filter(t -> REFUND.equals(t.type()) && t.amount() != null).map(PaymentTransaction::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return amounts.getOrDefault(p.id(), BigDecimal.ZERO).subtract(refunded).max(BigDecimal.ZERO);
    }
}
