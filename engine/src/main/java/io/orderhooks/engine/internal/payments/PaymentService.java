package io.orderhooks.engine.internal.payments;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.orders.Direction;
import io.orderhooks.engine.internal.orders.OrderAccess;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.orgs.SpendingAccountService;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.Payment;
import io.orderhooks.core.model.PaymentTransaction;
import io.orderhooks.core.model.SpendingAccount;
import io.orderhooks.core.model.SpendingAccountAssignment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Payments on orders: {@code PurchaseOrder}, {@code CreditCard} (a token ID only, never card data) and
 * {@code SpendingAccount}. {@code Amount: null} means the order total less the other payments. Only the
 * seller sets {@code Accepted} on purchase orders and credit cards; a spending-account payment is accepted
 * when created if the account covers it, and is debited on submit. Thread-safe (runs under the order's lock).
 */
public final class PaymentService {

    private final EngineContext ctx;
    private final OrderAccess access;
    private final SpendingAccountService accounts;
    private final CreditCardService cards;

    public PaymentService(EngineContext ctx, SpendingAccountService accounts, CreditCardService cards) {
        this.ctx = ctx;
        this.access = new OrderAccess(ctx);
        this.accounts = accounts;
        this.cards = cards;
    }

    public List<Payment> list(Caller caller, Direction direction, String orderID) {
        return access.load(caller, direction, orderID).payments();
    }

    public Payment create(Caller caller, Direction direction, String orderID, Payment body) {
        return ctx.store().withOrder(orderID, s -> {
            access.requireModify(caller, direction, s);
            requireEditable(s);
            String type = body.type();
            if (!List.of("PurchaseOrder", "CreditCard", "SpendingAccount").contains(String.valueOf(type))) {
                throw Errors.bad("ValidationFailure", "Type must be PurchaseOrder, CreditCard or SpendingAccount");
            }
            if (body.creditCardID() != null && !type.equals("CreditCard")) {
                throw Errors.bad("Payment.CannotSetCreditCard", "Cannot have CreditCardID set on Payment of this type.");
            }
            if (body.creditCardID() != null) {
                cards.requireUsable(caller, s.order().fromCompanyID(), body.creditCardID());
            }
            if (body.spendingAccountID() != null && !type.equals("SpendingAccount")) {
                throw Errors.bad("Payment.CannotSetSpendingAccount", "Cannot have SpendingAccountID set on Payment of this type.");
            }
            if (body.amount() != null && body.amount().signum() <= 0) {
                throw Errors.bad("Payment.AmountGreaterThanZero", "When creating a payment Amount must be null or greater than zero.");
            }
            BigDecimal covered = resolvedAmounts(s).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (!s.payments().isEmpty() && covered.compareTo(s.order().total()) >= 0) {
                throw Errors.bad("Payment.AlreadyPaid", "Cannot create Payment. Order is already fully paid.");
            }
            boolean accepted = caller.isSeller() && Boolean.TRUE.equals(body.accepted());
            Payment p = Payment.builder().id(body.id() == null ? ctx.ids().next() : body.id()).type(type).dateCreated(ctx.now())
                    .creditCardID(body.creditCardID()).spendingAccountID(body.spendingAccountID()).description(body.description())
                    .currency(s.order().currency()).amount(body.amount()).accepted(accepted).xp(body.xp()).transactions(List.of()).build();
            List<Payment> all = new ArrayList<>(s.payments());
            all.add(p);
            if (type.equals("SpendingAccount")) {
                p = p.toBuilder().accepted(spendingAccountCovers(caller, s, p, resolvedAmounts(s.withPayments(all)).get(p.id()))).build();
                all.set(all.size() - 1, p);
            }
            return Mutation.commit(s.withPayments(all), p);
        });
    }

    /** Changes {@code Accepted} (seller only, {@code Payment.CannotPatchAccepted}), {@code Amount} or {@code xp}. */
    public Payment patch(Caller caller, Direction direction, String orderID, String paymentID, Boolean accepted, BigDecimal amount,
            com.fasterxml.jackson.databind.JsonNode xp) {
        return ctx.store().withOrder(orderID, s -> {
            access.requireModify(caller, direction, s);
            Payment old = find(s, paymentID);
            if (accepted != null && !caller.isSeller()) {
                throw new io.orderhooks.core.error.OrderCloudException(403, "Payment.CannotPatchAccepted", "You are not authorized to modify the Accepted property.");
            }
            if (amount != null && s.order().status() != OrderStatus.Unsubmitted) {
                throw Errors.bad("Payment.NotAuthorizedToPatch", "You are not authorized to modify payments on submitted orders.");
            }
            Payment next = old.toBuilder().accepted(accepted != null ? accepted : old.accepted())
                    .amount(amount != null ? amount : old.amount()).xp(xp != null ? xp : old.xp()).build();
            return Mutation.commit(s.withPayments(replace(s.payments(), next)), next);
        });
    }

    public void delete(Caller caller, Direction direction, String orderID, String paymentID) {
        ctx.store().withOrder(orderID, s -> {
            access.requireModify(caller, direction, s);
            requireEditable(s);
            find(s, paymentID);
            return Mutation.commit(s.withPayments(s.payments().stream().filter(p -> !p.id().equals(paymentID)).toList()), null);
        });
    }

    public PaymentTransaction addTransaction(Caller caller, Direction direction, String orderID, String paymentID, PaymentTransaction t) {
        return ctx.store().withOrder(orderID, s -> {
            access.requireModify(caller, direction, s);
            Payment old = find(s, paymentID);
            PaymentTransaction stored = new PaymentTransaction(t.id() == null ? ctx.ids().next() : t.id(), t.type(),
                    t.dateExecuted() == null ? ctx.now() : t.dateExecuted(), t.currency(), t.amount(), t.succeeded(),
                    t.resultCode(), t.resultMessage(), t.xp());
            List<PaymentTransaction> txs = new ArrayList<>(old.transactions() == null ? List.of() : old.transactions());
            txs.add(stored);
            return Mutation.commit(s.withPayments(replace(s.payments(), old.toBuilder().transactions(txs).build())), stored);
        });
    }

    /** Removes a transaction from a payment; 404 when the payment or the transaction is not there. */
    public void removeTransaction(Caller caller, Direction direction, String orderID, String paymentID, String transactionID) {
        ctx.store().withOrder(orderID, s -> {
            access.requireModify(caller, direction, s);
            Payment old = find(s, paymentID);
            List<PaymentTransaction> txs = new ArrayList<>(old.transactions() == null ? List.of() : old.transactions());
            if (!txs.removeIf(t -> transactionID.equals(t.id()))) {
                throw Errors.notFound("PaymentTransaction", transactionID);
            }
            return Mutation.commit(s.withPayments(replace(s.payments(), old.toBuilder().transactions(txs).build())), null);
        });
    }

    /** The amount of every payment, a null {@code Amount} resolved to the total less the other payments. */
    public static Map<String, BigDecimal> resolvedAmounts(OrderState s) {
        BigDecimal explicit = s.payments().stream().map(Payment::amount).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal remainder = s.order().total().subtract(explicit).max(BigDecimal.ZERO);
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (Payment p : s.payments()) {
            out.put(p.id(), p.amount() != null ? p.amount() : remainder);
            if (p.amount() == null) {
                remainder = BigDecimal.ZERO;
            }
        }
        return out;
    }

    private boolean spendingAccountCovers(Caller caller, OrderState s, Payment p, BigDecimal amount) {
        if (p.spendingAccountID() == null) {
            throw Errors.bad("Payment.SpendingAccountIdMissing", "You must include a corresponding ID when creating a payment of type SpendingAccount.");
        }
        Caller buyer = Caller.buyer(s.order().fromUserID(), s.order().fromCompanyID(), null);
        SpendingAccountAssignment a = accounts.assignment(buyer, s.order().fromCompanyID(), p.spendingAccountID())
                .orElseThrow(() -> Errors.bad("Payment.InvalidSpendingAccountID", "Invalid SpendingAccountID."));
        SpendingAccount acct = accounts.get(caller.isSeller() ? caller : buyer, s.order().fromCompanyID(), p.spendingAccountID());
        if (!Boolean.TRUE.equals(acct.allowAsPaymentMethod())) {
            throw Errors.bad("Payment.InvalidSpendingAccountID", "This spending account cannot be used as a payment method.");
        }
        boolean expired = (acct.endDate() != null && !ctx.now().isBefore(acct.endDate()))
                || (acct.startDate() != null && ctx.now().isBefore(acct.startDate()));
        if (expired) {
            throw Errors.bad("Payment.CannotUseExpiredSpendingAccount", "Cannot use an expired spending account for payments.");
        }
        if (acct.balance().compareTo(amount) < 0 && !Boolean.TRUE.equals(a.allowExceed())) {
            throw Errors.bad("Payment.ExceedsBalance", "Payment exceeds Spending Account balance.");
        }
        return true;
    }

    private static void requireEditable(OrderState s) {
        if (s.order().status() == OrderStatus.Canceled) {
            throw Errors.bad("Payment.CannotEditCancelled", "Cannot add or edit a payment on a canceled order.");
        }
        OrderAccess.requireUnsubmitted(s);
    }

    private static Payment find(OrderState s, String paymentID) {
        return s.payments().stream().filter(p -> p.id().equals(paymentID)).findFirst().orElseThrow(() -> Errors.notFound("Payment", paymentID));
    }

    private static List<Payment> replace(List<Payment> all, Payment p) {
        return all.stream().map(x -> x.id().equals(p.id()) ? p : x).toList();
    }
}
