package io.orderhooks.engine.internal.checkout;

import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.orgs.SpendingAccountService;
import io.orderhooks.engine.internal.payments.PaymentService;
import io.orderhooks.engine.internal.promotions.Redemptions;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.Inventory;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Payment;
import io.orderhooks.core.model.PaymentTransaction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The effects of a submit outside the order: inventory taken, promotion redemptions counted, spending accounts
 * debited. Each is an atomic check-and-change of its row (stock never goes below zero unless the inventory allows
 * {@code OrderCanExceed}; a redemption limit is never passed; a debit never overdraws an account that does not allow
 * it). They are applied inside one order transaction ({@code Store.withOrder}): the one that commits the submitted
 * order, or, through the checkout integration, the reserve step's (they are then held, see {@link SubmitHolds}). A
 * refusal of any of them rolls back all of them with the order, so there is nothing to undo by hand. Not thread-safe;
 * one instance per submit.
 */
public final class SubmitEffects {

    private final EngineContext ctx;
    private final SpendingAccountService accounts;

    SubmitEffects(EngineContext ctx, SpendingAccountService accounts) {
        this.ctx = ctx;
        this.accounts = accounts;
    }

    /**
     * Takes inventory, counts promotion redemptions and debits accounts; returns the payments with their debit
     * transactions. Call it inside the order's transaction: a failure leaves the rolled-back transaction to undo
     * what was already applied.
     */
    List<Payment> apply(OrderState s) {
        for (LineItem l : s.lineItems()) {
            adjustInventory(l, -l.quantity());
        }
        Redemptions.take(ctx, s);
        Map<String, BigDecimal> amounts = PaymentService.resolvedAmounts(s);
        List<Payment> out = new ArrayList<>();
        for (Payment p : s.payments()) {
            out.add("SpendingAccount".equals(p.type()) ? debit(s, p, amounts.get(p.id())) : p);
        }
        return out;
    }

    private Payment debit(OrderState s, Payment p, BigDecimal amount) {
        String buyer = s.order().fromCompanyID();
        boolean exceed = accounts.assignment(io.orderhooks.engine.internal.Caller.buyer(s.order().fromUserID(), buyer, null), buyer,
                p.spendingAccountID()).map(a -> Boolean.TRUE.equals(a.allowExceed())).orElse(false);
        accounts.debit(buyer, p.spendingAccountID(), amount, exceed);
        List<PaymentTransaction> txs = new ArrayList<>(p.transactions() == null ? List.of() : p.transactions());
        txs.add(new PaymentTransaction(ctx.ids().next(), "SpendingAccount", ctx.now(), p.currency(), amount, true, null, null, null));
        return p.toBuilder().transactions(txs).build();
    }

    /** Gives (delta > 0) or takes stock for a line: from its chosen inventory record, else the product's inventory. */
    private void adjustInventory(LineItem l, int delta) {
        if (l.inventoryRecordID() != null) {
            var records = new io.orderhooks.engine.internal.inventory.InventoryRecordService(ctx);
            String variantID = l.variant() == null ? null : l.variant().id();
            records.locate(l.productID(), variantID, l.inventoryRecordID()).ifPresent(v ->
                    records.take(l.productID(), v.isEmpty() ? null : v, l.inventoryRecordID(), -delta));
            return;
        }
        adjustInventory(l.productID(), delta);
    }

    private void adjustInventory(String productID, int delta) {
        if (ctx.store().table(Tables.PRODUCTS).find(productID).map(p -> p.inventory() != null && Boolean.TRUE.equals(p.inventory().enabled())).orElse(false)) {
            ctx.store().table(Tables.PRODUCTS).update(productID, p -> {
                Inventory i = p.inventory();
                int now = (i.quantityAvailable() == null ? 0 : i.quantityAvailable()) + delta;
                if (delta < 0 && now < 0 && Boolean.TRUE.equals(i.enabled()) && !Boolean.TRUE.equals(i.orderCanExceed())) {
                    throw Errors.bad("Inventory.Insufficient", "Insufficient inventory for product " + productID, Map.of("ProductID", productID));
                }
                return p.toBuilder().inventory(new Inventory(i.enabled(), i.notificationPoint(), i.variantLevelTracking(),
                        i.orderCanExceed(), now, ctx.now())).build();
            });
        }
    }

    /**
     * What {@link #release} reads of the submitted order {@code s}: the order, each line's ID, product, variant, quantity
     * and inventory record, the promotions and the payments; without the worksheet's answers, approvals and the lines'
     * product, address and price details. What a submit's hold keeps ({@link SubmitHolds}): a 20-line order's hold was
     * its whole state, about 10 KB of JSON written and deleted by every submit through the integration.
     */
    static OrderState releasable(OrderState s) {
        List<LineItem> lines = s.lineItems().stream().map(l -> LineItem.builder().id(l.id()).productID(l.productID())
                .variant(l.variant()).quantity(l.quantity()).inventoryRecordID(l.inventoryRecordID()).build()).toList();
        return OrderState.of(s.order()).withLineItems(lines).withPromotions(s.promotions()).withPayments(s.payments());
    }

    /**
     * Gives back what a submitted order took (for cancel and decline): inventory, promotion redemptions, and the net spending-account
     * debit of each payment less its order-return refunds. Returns the payments, each credited one carrying a negative {@code SpendingAccount}
     * transaction for the credit, so that a later release (after a resubmit) never credits a debit twice. Call it
     * under the order's lock, once per transition out of a submitted status.
     */
    public static List<Payment> release(EngineContext ctx, SpendingAccountService accounts, OrderState s) {
        SubmitEffects e = new SubmitEffects(ctx, accounts);
        Redemptions.release(ctx, s);
        for (LineItem l : s.lineItems()) {
            e.adjustInventory(l, l.quantity());
        }
        List<Payment> out = new ArrayList<>();
        for (Payment p : s.payments()) {
            // order-return refunds (Type "Refund") already credited the account: they reduce what is given back
            BigDecimal net = "SpendingAccount".equals(p.type()) && p.transactions() != null
                    ? p.transactions().stream().filter(t -> t.amount() != null && ("SpendingAccount".equals(t.type()) || "Refund".equals(t.type())))
                            .map(t -> "Refund".equals(t.type()) ? t.amount().negate() : t.amount()).reduce(BigDecimal.ZERO, BigDecimal::add)
                    : BigDecimal.ZERO;
            if (net.signum() > 0) {
                accounts.credit(s.order().fromCompanyID(), p.spendingAccountID(), net);
                List<PaymentTransaction> txs = new ArrayList<>(p.transactions());
                txs.add(new PaymentTransaction(ctx.ids().next(), "SpendingAccount", ctx.now(), p.currency(), net.negate(), true, null, null, null));
                p = p.toBuilder().transactions(txs).build();
            }
            out.add(p);
        }
        return out;
    }
}
