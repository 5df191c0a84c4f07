package io.orderhooks.engine.internal;

import static io.orderhooks.engine.internal.MarketplaceFixture.code;
import static io.orderhooks.engine.internal.MarketplaceFixture.line;
import static io.orderhooks.engine.internal.orders.Direction.Incoming;
import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderApprovalInfo;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.Payment;
import io.orderhooks.core.model.PaymentTransaction;
import io.orderhooks.core.model.SpendingAccount;
import io.orderhooks.core.model.SpendingAccountAssignment;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class CancelTest {

    final MarketplaceFixture f = new MarketplaceFixture();
    final Engine e = f.engine;
    static final OffsetDateTime T1 = OffsetDateTime.parse("2026-03-01T13:00:00Z");

    BigDecimal balance() {
        return e.spendingAccounts().get(f.seller, "b1", "SA").balance();
    }

    void paidBySpendingAccount(String orderID) {
        e.spendingAccounts().save(f.seller, "b1", new SpendingAccount("SA", "Budget", new BigDecimal("500.00"), true, null, null, null, null));
        e.spendingAccounts().assign(f.seller, "b1", new SpendingAccountAssignment("SA", "u1", null, false));
        Payment p = e.payments().create(f.u1, Outgoing, orderID, Payment.builder().type("SpendingAccount").spendingAccountID("SA").build());
        assertThat(p.accepted()).isTrue();
    }

    @Test
    void anUnsubmittedOrderIsCanceledWithDateCanceled() {
        f.cart("O1", line("L1", "P1", 2));
        f.clock.advance(Duration.ofHours(1));
        Order o = e.fulfillment().cancel(f.u1, Outgoing, "O1");
        assertThat(o.status()).isEqualTo(OrderStatus.Canceled);
        assertThat(o.dateCanceled()).isEqualTo(T1);
        assertThat(f.stock("P1")).isEqualTo(100);
        code(() -> e.fulfillment().cancel(f.u1, Outgoing, "O1"), "Order.CannotCancelInCurrentStatus");
        code(() -> e.submit().submit(f.u1Plain, Outgoing, "O1", "t"), "Order.CannotSubmitBadStatus");
    }

    @Test
    void openAndCompletedOrdersCannotBeCanceled() {
        f.submitted("O1", line("L1", "P1", 2));
        code(() -> e.fulfillment().cancel(f.seller, Incoming, "O1"), 400, "Order.CannotCancelInCurrentStatus");
        e.fulfillment().complete(f.seller, Incoming, "O1");
        code(() -> e.fulfillment().cancel(f.u1, Outgoing, "O1"), 400, "Order.CannotCancelInCurrentStatus");
        assertThat(e.orders().get(f.u1, Outgoing, "O1").status()).isEqualTo(OrderStatus.Completed);
        code(() -> e.fulfillment().cancel(f.x1, Outgoing, "O1"), 404, "NotFound");
    }

    @Test
    void cancelingAnOrderAwaitingApprovalGivesBackInventoryAndSpendingAccountDebits() {
        f.rule("r1", "approvers", "total>100");
        f.cart("O1", line("L1", "P1", 11));
        paidBySpendingAccount("O1");
        f.submit("O1");
        assertThat(balance()).isEqualByComparingTo("390.00");
        assertThat(f.stock("P1")).isEqualTo(89);
        Order o = e.fulfillment().cancel(f.u1, Outgoing, "O1");
        assertThat(o.status()).isEqualTo(OrderStatus.Canceled);
        assertThat(balance()).isEqualByComparingTo("500.00");
        assertThat(f.stock("P1")).isEqualTo(100);
        assertThat(e.payments().list(f.u1, Outgoing, "O1").get(0).transactions()).extracting(PaymentTransaction::amount)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("110.00"), new BigDecimal("-110.00"));
    }

    @Test
    void declineResubmitAndCancelCreditTheSpendingAccountExactlyOncePerDebit() {
        f.rule("r1", "approvers", "total>100");
        f.cart("O1", line("L1", "P1", 11));
        paidBySpendingAccount("O1");
        f.submit("O1");
        e.approvals().decline(f.a1, Outgoing, "O1", new OrderApprovalInfo("again", true));
        assertThat(balance()).isEqualByComparingTo("500.00");
        f.submit("O1");
        assertThat(balance()).isEqualByComparingTo("390.00");
        e.fulfillment().cancel(f.u1, Outgoing, "O1");
        assertThat(balance()).isEqualByComparingTo("500.00");
        assertThat(f.stock("P1")).isEqualTo(100);
    }

    @Test
    void aDeclinedOrderCanBeCanceledWithoutGivingBackTwice() {
        f.rule("r1", "approvers", "total>100");
        f.submitted("O1", line("L1", "P1", 11));
        e.approvals().decline(f.a1, Outgoing, "O1", null);
        assertThat(f.stock("P1")).isEqualTo(100);
        assertThat(e.fulfillment().cancel(f.seller, Incoming, "O1").status()).isEqualTo(OrderStatus.Canceled);
        assertThat(f.stock("P1")).isEqualTo(100);
    }
}
