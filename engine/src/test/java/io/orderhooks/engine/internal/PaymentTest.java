package io.orderhooks.engine.internal;

import static io.orderhooks.engine.internal.PromoFixture.promo;
import static io.orderhooks.engine.internal.PromoFixture.thrown;
import static io.orderhooks.engine.internal.orders.Direction.Incoming;
import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.payments.PaymentService;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.Payment;
import io.orderhooks.core.model.PaymentTransaction;
import io.orderhooks.core.model.ShipMethodSelection;
import io.orderhooks.core.model.SpendingAccount;
import io.orderhooks.core.model.SpendingAccountAssignment;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.engine.spi.DeliveryOutcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentTest {

    final PromoFixture p = new PromoFixture();
    final EngineFixture f = p.f;
    final Engine e = p.e;

    Payment pay(String type, String amount, String accountID) {
        return e.payments().create(f.u1, Outgoing, "O1", Payment.builder().type(type).spendingAccountID(accountID)
                .amount(amount == null ? null : new BigDecimal(amount)).accepted(true).build());
    }

    void account(String balance, OffsetDateTime end, boolean allowExceed) {
        e.spendingAccounts().save(f.seller, "b1", new SpendingAccount("sa", "Budget", new BigDecimal(balance), true, null, null, end, null));
        e.spendingAccounts().assign(f.seller, "b1", new SpendingAccountAssignment("sa", null, null, allowExceed));
    }

    BigDecimal balance() {
        return e.spendingAccounts().get(f.seller, "b1", "sa").balance();
    }

    @Test
    void aNullAmountIsTheRemainderAndSeveralAcceptedPaymentsMustAddUpToTheTotal() {
        p.cart(f.u1, "O1");
        p.add(f.u1, "O1", "P1", 3);
        Payment fixed = pay("PurchaseOrder", "10.00", null);
        Payment rest = pay("CreditCard", null, null);
        assertThat(fixed.accepted()).as("a buyer cannot accept its own payment").isFalse();
        var state = e.orders().state(f.u1, Outgoing, "O1");
        assertThat(PaymentService.resolvedAmounts(state)).containsEntry(fixed.id(), new BigDecimal("10.00"))
                .containsEntry(rest.id(), new BigDecimal("20.00"));
        thrown(() -> pay("PurchaseOrder", "1.00", null), "Payment.AlreadyPaid");
        thrown(() -> e.submit().submit(f.u1Plain, Outgoing, "O1", "tok"), "Order.CannotSubmitWithUnaccceptedPayments");
        var denied = thrown(() -> e.payments().patch(f.u1, Outgoing, "O1", fixed.id(), true, null, null), "Payment.CannotPatchAccepted");
        assertThat(denied.status()).isEqualTo(403);
        e.payments().patch(f.seller, Incoming, "O1", fixed.id(), true, null, null);
        e.payments().patch(f.seller, Incoming, "O1", rest.id(), true, null, null);
        assertThat(e.submit().submit(f.u1Plain, Outgoing, "O1", "tok").status()).isEqualTo(OrderStatus.Open);
        thrown(() -> e.payments().patch(f.seller, Incoming, "O1", fixed.id(), null, new BigDecimal("5.00"), null), "Payment.NotAuthorizedToPatch");
    }

    @Test
    void paymentsMustCoverTheTotalIncludingShippingTaxAndPromotions() {
        f.standardMiddleware();
        p.cart(f.u1, "O1");
        p.add(f.u1, "O1", "P1", 3);
        p.save(promo("TEN", "true", "order.Subtotal * .1"));
        e.promotions().apply(f.u1, Outgoing, "O1", "TEN");
        e.checkout().estimateShipping(f.u1, Outgoing, "O1", "tok");
        e.checkout().selectShipMethods(f.u1, Outgoing, "O1", List.of(new ShipMethodSelection("e1", "air")));
        var ws = e.checkout().calculate(f.u1, Outgoing, "O1", "tok");
        assertThat(ws.order().total()).as("30.00 + 15.00 shipping + 2.00 tax - 3.00").isEqualByComparingTo("44.00");
        Payment po = pay("PurchaseOrder", "30.00", null);
        e.payments().patch(f.seller, Incoming, "O1", po.id(), true, null, null);
        var ex = thrown(() -> e.submit().submit(f.u1, Outgoing, "O1", "tok"), "Order.CannotSubmitPaymentsDoNotCoverTotal");
        assertThat(ex.getMessage()).isEqualTo("Payments total 30.00 but the order total is 44.00.");
        e.payments().patch(f.seller, Incoming, "O1", po.id(), null, new BigDecimal("44.00"), null);
        assertThat(e.submit().submit(f.u1, Outgoing, "O1", "tok").status()).isEqualTo(OrderStatus.Open);
    }

    @Test
    void aSpendingAccountIsDebitedOnSubmitWithATransaction() {
        account("100.00", null, false);
        p.cart(f.u1, "O1");
        p.add(f.u1, "O1", "P1", 3);
        Payment sa = pay("SpendingAccount", null, "sa");
        assertThat(sa.accepted()).as("covered: accepted on create").isTrue();
        assertThat(balance()).as("not debited before submit").isEqualByComparingTo("100.00");
        e.submit().submit(f.u1Plain, Outgoing, "O1", "tok");
        assertThat(balance()).isEqualByComparingTo("70.00");
        List<PaymentTransaction> txs = e.payments().list(f.u1, Outgoing, "O1").get(0).transactions();
        assertThat(txs).hasSize(1);
        assertThat(txs.get(0).type()).isEqualTo("SpendingAccount");
        assertThat(txs.get(0).amount()).isEqualByComparingTo("30.00");
        assertThat(txs.get(0).succeeded()).isTrue();
        assertThat(txs.get(0).dateExecuted()).isEqualTo(e.context().now());
    }

    @Test
    void aSpendingAccountPaymentBeyondTheBalanceOrOfAnExpiredAccountIsRefused() {
        account("20.00", null, false);
        p.cart(f.u1, "O1");
        p.add(f.u1, "O1", "P1", 3);
        thrown(() -> pay("SpendingAccount", null, "sa"), "Payment.ExceedsBalance");
        thrown(() -> pay("SpendingAccount", null, null), "Payment.SpendingAccountIdMissing");
        thrown(() -> pay("SpendingAccount", null, "nope"), "Payment.InvalidSpendingAccountID");
        thrown(() -> e.payments().create(f.u1, Outgoing, "O1", Payment.builder().type("PurchaseOrder").spendingAccountID("sa").build()),
                "Payment.CannotSetSpendingAccount");
        assertThat(e.payments().list(f.u1, Outgoing, "O1")).isEmpty();
        account("100.00", e.context().now(), false);
        thrown(() -> pay("SpendingAccount", null, "sa"), "Payment.CannotUseExpiredSpendingAccount");
        account("20.00", null, true);
        assertThat(pay("SpendingAccount", null, "sa").accepted()).as("AllowExceed").isTrue();
        e.submit().submit(f.u1Plain, Outgoing, "O1", "tok");
        assertThat(balance()).isEqualByComparingTo("-10.00");
    }

    @Test
    void aFailedSubmitGivesTheDebitBack() {
        account("100.00", null, false);
        p.cart(f.u1, "O1");
        p.add(f.u1, "O1", "P1", 3);
        pay("SpendingAccount", null, "sa");
        e.checkout().calculate(f.u1, Outgoing, "O1", "tok");
        f.integration.set(c -> c.type() == CheckoutEventType.ORDER_SUBMIT
                ? new DeliveryOutcome.Unreachable("refused", Duration.ZERO) : EngineFixture.ok("{}"));
        thrown(() -> e.submit().submit(f.u1, Outgoing, "O1", "tok"), "IntegrationEvent.Unavailable");
        assertThat(balance()).isEqualByComparingTo("100.00");
        assertThat(e.payments().list(f.u1, Outgoing, "O1").get(0).transactions()).isEmpty();
        assertThat(p.order("O1").status()).isEqualTo(OrderStatus.Unsubmitted);
        e.spendingAccounts().debit("b1", "sa", new BigDecimal("80.00"), false);
        thrown(() -> e.submit().submit(f.u1, Outgoing, "O1", "tok"), "Payment.ExceedsBalance");
        assertThat(balance()).as("a refused debit changes nothing").isEqualByComparingTo("20.00");
    }

    @Test
    void transactionsAreRecordedOnAPayment() {
        p.cart(f.u1, "O1");
        p.add(f.u1, "O1", "P1", 1);
        e.creditCards().save(f.seller, "b1", "tok_1", new io.orderhooks.core.model.CreditCard(null, "tok_1", null, "Visa", "4242", "U One", null, null), true);
        e.creditCards().admin().assign(f.seller, "b1", new io.orderhooks.engine.internal.orgs.ResourceAssignment("tok_1", null, null));
        Payment cc = e.payments().create(f.u1, Outgoing, "O1", Payment.builder().type("CreditCard").creditCardID("tok_1").build());
        PaymentTransaction t = e.payments().addTransaction(f.seller, Incoming, "O1", cc.id(),
                new PaymentTransaction(null, "Authorization", null, "USD", new BigDecimal("10.00"), true, "00", "approved", null));
        assertThat(t.id()).isNotBlank();
        assertThat(t.dateExecuted()).isEqualTo(e.context().now());
        Payment after = e.payments().list(f.u1, Outgoing, "O1").get(0);
        assertThat(after.transactions()).containsExactly(t);
        assertThat(after.amount()).as("null amount stays null (remainder)").isNull();
        thrown(() -> e.payments().addTransaction(f.seller, Incoming, "O1", "nope", t), "NotFound");
    }
}
