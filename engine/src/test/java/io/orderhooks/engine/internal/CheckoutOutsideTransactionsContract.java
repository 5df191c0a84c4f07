package io.orderhooks.engine.internal;

import static io.orderhooks.engine.internal.PromoFixture.promo;
import static io.orderhooks.engine.internal.PromoFixture.thrown;
import static io.orderhooks.engine.internal.orders.Direction.Incoming;
import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.core.model.Inventory;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.Payment;
import io.orderhooks.core.model.SpendingAccount;
import io.orderhooks.core.model.SpendingAccountAssignment;
import io.orderhooks.engine.internal.orders.CheckoutReservation;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.promotions.Redemptions;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.engine.spi.CheckoutCall;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.spi.IntegrationEndpoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Checkout calls run with no order lock, transaction or pooled connection held while the middleware answers; their
 * answers apply only to an unchanged order; effects commit only with the submitted order. Run on every store (JDBC
 * stores with a pool of two connections).
 */
abstract class CheckoutOutsideTransactionsContract extends ConcurrentCreatesContract {

    @Test
    void aSubmitWaitingForTheMiddlewareBlocksNeitherReadsNorOtherOrdersNorTheConnectionPool() throws Exception {
        calculatedCart(f.u1, "O1", 1);
        calculatedCart(f.u2, "O2", 1);
        MiddlewareGate gate = new MiddlewareGate(CheckoutEventType.ORDER_SUBMIT, 2);
        f.integration.set(gate);
        Future<Order> first = inBackground(() -> e.submit().submit(f.u1, Outgoing, "O1", "tok"));
        Future<Order> second = inBackground(() -> e.submit().submit(f.u2, Outgoing, "O2", "tok"));
        gate.awaitWaiting();

        assertThat(e.orders().get(f.u1, Outgoing, "O1").status()).isEqualTo(OrderStatus.Unsubmitted);
        calculatedCart(f.u1, "O3", 2);
        assertThat(e.orders().get(f.u1, Outgoing, "O3").lineItemCount()).isEqualTo(1);
        OrderCloudException again = thrown(() -> e.submit().submit(f.u1, Outgoing, "O1", "tok"), "Order.CheckoutInProgress");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.getMessage()).isEqualTo("Order O1 is held by the ordersubmit integration event in flight; try again when it has finished.");
        thrown(() -> p.add(f.u1, "O1", "P1", 1), "Order.CheckoutInProgress");

        gate.open();
        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(OrderStatus.Open);
        assertThat(second.get(30, TimeUnit.SECONDS).status()).isEqualTo(OrderStatus.Open);
        assertThat(state("O1").reservation()).isNull();
    }

    @Test
    void theCheckoutPortRefusesACallMadeWhileTheOrderIsHeldAndNeverReachesTheMiddleware() {
        p.cart(f.u1, "O1");
        List<CheckoutCall> reached = new ArrayList<>();
        f.integration.set(call -> {
            reached.add(call);
            return new DeliveryOutcome.Delivered(200, new byte[] {'{', '}'}, Duration.ZERO);
        });
        CheckoutCall call = new CheckoutCall(CheckoutEventType.ORDER_SUBMIT,
                new IntegrationEndpoint("ep", "http://127.0.0.1:9", "k", null, null, null), "O1", new byte[] {'{', '}'}, null);

        Throwable inside = org.assertj.core.api.Assertions.catchThrowable(() -> store.withOrder("O1",
                s -> Mutation.unchanged(e.context().checkoutIntegration().deliver(call))));

        assertThat(inside).isInstanceOf(IllegalStateException.class).hasMessage("the ordersubmit call for order O1 was "
                + "made inside a store transaction; checkout must reserve, call, then commit");
        assertThat(reached).isEmpty();
        assertThat(store.inTransaction()).isFalse();
        assertThat(e.context().checkoutIntegration().deliver(call).succeeded()).isTrue();
        assertThat(reached).hasSize(1);
    }

    @Test
    void aCalculateAnswerIsNotAppliedWhenALineWasAddedWhileTheMiddlewareWasCalculating() throws Exception {
        p.cart(f.u1, "O1");
        p.add(f.u1, "O1", "P1", 1);
        MiddlewareGate gate = new MiddlewareGate(CheckoutEventType.ORDER_CALCULATE, 1);
        f.integration.set(gate);
        Future<?> calculate = inBackground(() -> e.checkout().calculate(f.u1, Outgoing, "O1", "tok"));
        gate.awaitWaiting();
        p.add(f.u1, "O1", "P2", 1);
        gate.open();

        OrderCloudException refused = failure(calculate);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("Order.ChangedDuringIntegrationEvent");
        assertThat(refused.getMessage()).isEqualTo("Order O1 changed while the ordercalculate integration event was running; "
                + "its answer was not applied. Try again.");
        OrderState s = state("O1");
        assertThat(s.calculateResponse()).isNull();
        assertThat(s.order().lineItemCount()).isEqualTo(2);
        assertThat(s.order().subtotal()).isEqualByComparingTo(s.lineItems().stream().map(LineItem::lineSubtotal)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(e.checkout().calculate(f.u1, Outgoing, "O1", "tok").orderCalculateResponse().succeeded()).isTrue();
    }

    @Test
    void aFailedSubmitLeavesInventorySpendingAccountsAndRedemptionsExactlyAsBefore() {
        stock(10);
        e.spendingAccounts().save(f.seller, "b1", new SpendingAccount("sa", "Budget", new BigDecimal("100.00"), true, null, null, null, null));
        e.spendingAccounts().assign(f.seller, "b1", new SpendingAccountAssignment("sa", null, null, false));
        p.save(promo("ONCE", "true", "1").redemptionLimit(1));
        p.cart(f.u1, "O1");
        p.add(f.u1, "O1", "P1", 2);
        e.promotions().apply(f.u1, Outgoing, "O1", "ONCE");
        e.payments().create(f.u1, Outgoing, "O1", Payment.builder().type("SpendingAccount").spendingAccountID("sa").accepted(true).build());
        e.checkout().calculate(f.u1, Outgoing, "O1", "tok");
        f.integration.set(c -> c.type() == CheckoutEventType.ORDER_SUBMIT
                ? new DeliveryOutcome.Rejected(400, "no".getBytes(), Duration.ZERO) : EngineFixture.ok("{}"));

        thrown(() -> e.submit().submit(f.u1, Outgoing, "O1", "tok"), "IntegrationEvent.BadRequest");

        assertThat(stock()).isEqualTo(10);
        assertThat(balance()).isEqualByComparingTo("100.00");
        assertThat(e.promotions().get(f.seller, "ONCE").redemptionCount()).isZero();
        assertThat(Redemptions.byUser(e.context(), "ONCE", "u1")).isZero();
        OrderState s = state("O1");
        assertThat(s.order().status()).isEqualTo(OrderStatus.Unsubmitted);
        assertThat(s.reservation()).isNull();
        assertThat(s.submitResponse().succeeded()).isFalse();
        assertThat(s.payments().get(0).transactions()).isNullOrEmpty();

        f.integration.set(c -> EngineFixture.ok("{}"));
        assertThat(e.submit().submit(f.u1, Outgoing, "O1", "tok").status()).isEqualTo(OrderStatus.Open);
        assertThat(stock()).isEqualTo(8);
        assertThat(balance()).isEqualByComparingTo("81.00");
        assertThat(e.promotions().get(f.seller, "ONCE").redemptionCount()).isEqualTo(1);
    }

    @Test
    void aSubmitInFlightHoldsTheLastUnitsSoAnotherOrderIsRefusedInventoryInsufficientBeforeItsMiddlewareIsCalled() throws Exception {
        MiddlewareGate gate = new MiddlewareGate(CheckoutEventType.ORDER_SUBMIT, 1);
        Future<Order> first = twoCartsOfTwoAndTheFirstSubmitHeldAtTheMiddleware(3, gate);
        assertThat(stock()).as("QuantityAvailable excludes what the submit in flight holds").isEqualTo(1);

        OrderCloudException refused = thrown(() -> e.submit().submit(f.u2, Outgoing, "O2", "tok"), "Inventory.Insufficient");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getMessage()).isEqualTo("Insufficient inventory for product P1");
        assertThat(gate.calls()).as("O2's middleware was never called").isEqualTo(1);
        assertThat(state("O2").reservation()).isNull();
        assertThat(state("O2").order().status()).isEqualTo(OrderStatus.Unsubmitted);

        gate.open();
        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(OrderStatus.Open);
        assertThat(stock()).as("the hold became the submitted order's decrement").isEqualTo(1);
        assertThat(store.table(io.orderhooks.engine.internal.checkout.SubmitHolds.TABLE).list()).isEmpty();
    }

    @Test
    void aHoldWhoseReservationExpiredGivesItsStockBackOnceAndItsLateAnswerIsRefused() throws Exception {
        MiddlewareGate gate = new MiddlewareGate(CheckoutEventType.ORDER_SUBMIT, 1);
        Future<Order> stuck = twoCartsOfTwoAndTheFirstSubmitHeldAtTheMiddleware(2, gate);
        assertThat(stock()).isZero();
        thrown(() -> e.submit().submit(f.u2, Outgoing, "O2", "tok"), "Inventory.Insufficient");

        f.clock.advance(CheckoutReservation.TTL);
        f.integration.set(c -> EngineFixture.ok("{}"));
        assertThat(e.submit().submit(f.u2, Outgoing, "O2", "tok").status()).isEqualTo(OrderStatus.Open);
        assertThat(stock()).isZero();
        gate.open();

        assertThat(failure(stuck).errorCode()).isEqualTo("Order.ChangedDuringIntegrationEvent");
        assertThat(stock()).as("O1's expired hold was given back once, O2's became its decrement").isZero();
        assertThat(state("O1").order().status()).isEqualTo(OrderStatus.Unsubmitted);
        assertThat(state("O1").reservation()).isNull();
        assertThat(store.table(io.orderhooks.engine.internal.checkout.SubmitHolds.TABLE).list()).isEmpty();
    }

    @Test
    void theHoldReleaseScheduleGivesAnExpiredHoldBackWithoutAnotherSubmit() throws Exception {
        MiddlewareGate gate = new MiddlewareGate(CheckoutEventType.ORDER_SUBMIT, 1);
        Future<Order> stuck = twoCartsOfTwoAndTheFirstSubmitHeldAtTheMiddleware(2, gate);
        assertThat(e.submit().releaseExpiredHolds()).as("not expired yet").isZero();
        assertThat(stock()).isZero();

        f.clock.advance(CheckoutReservation.TTL);
        assertThat(e.submit().releaseExpiredHolds()).isEqualTo(1);
        assertThat(stock()).isEqualTo(2);
        assertThat(state("O1").reservation()).isNull();
        assertThat(e.submit().releaseExpiredHolds()).as("given back exactly once").isZero();
        gate.open();
        assertThat(failure(stuck).errorCode()).isEqualTo("Order.ChangedDuringIntegrationEvent");
        assertThat(stock()).isEqualTo(2);
        assertThat(state("O1").order().status()).isEqualTo(OrderStatus.Unsubmitted);
    }

    @Test
    void aSubmitInFlightHoldsItsPromotionRedemptionAndSpendingAccountDebitToo() throws Exception {
        e.spendingAccounts().save(f.seller, "b1", new SpendingAccount("sa", "Budget", new BigDecimal("20.00"), true, null, null, null, null));
        e.spendingAccounts().assign(f.seller, "b1", new SpendingAccountAssignment("sa", null, null, false));
        p.save(promo("ONCE", "true", "1").redemptionLimit(1));
        for (String o : List.of("O1", "O2")) {
            p.cart(f.u1, o);
            p.add(f.u1, o, "P1", 1);
            e.promotions().apply(f.u1, Outgoing, o, "ONCE");
            e.payments().create(f.u1, Outgoing, o, Payment.builder().type("SpendingAccount").spendingAccountID("sa").accepted(true).build());
            e.checkout().calculate(f.u1, Outgoing, o, "tok");
        }
        MiddlewareGate gate = new MiddlewareGate(CheckoutEventType.ORDER_SUBMIT, 1);
        f.integration.set(gate);
        Future<Order> first = inBackground(() -> e.submit().submit(f.u1, Outgoing, "O1", "tok"));
        gate.awaitWaiting();
        assertThat(e.promotions().get(f.seller, "ONCE").redemptionCount()).isEqualTo(1);
        BigDecimal held = balance();
        assertThat(held).isLessThan(new BigDecimal("20.00"));

        thrown(() -> e.submit().submit(f.u1, Outgoing, "O2", "tok"), "Promotion.ExceedsUsageLimit");
        assertThat(gate.calls()).isEqualTo(1);
        gate.open();
        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(OrderStatus.Open);
        assertThat(balance()).isEqualByComparingTo(held);
        assertThat(e.promotions().get(f.seller, "ONCE").redemptionCount()).isEqualTo(1);
    }

    @Test
    void aReservationLeftByAnEngineThatNeverAnsweredExpiresAndItsLateAnswerIsRefused() throws Exception {
        calculatedCart(f.u1, "O1", 1);
        MiddlewareGate gate = new MiddlewareGate(CheckoutEventType.ORDER_SUBMIT, 1);
        f.integration.set(gate);
        Future<Order> stuck = inBackground(() -> e.submit().submit(f.u1, Outgoing, "O1", "tok"));
        gate.awaitWaiting();
        CheckoutReservation held = store.order("O1").orElseThrow().reservation();
        assertThat(held.eventType()).isEqualTo("ordersubmit");
        assertThat(held.expires()).isEqualTo(e.context().now().plus(CheckoutReservation.TTL));
        thrown(() -> p.add(f.u1, "O1", "P1", 1), "Order.CheckoutInProgress");

        f.clock.advance(CheckoutReservation.TTL);
        f.integration.set(c -> EngineFixture.ok("{}"));
        p.add(f.u1, "O1", "P2", 1);
        e.checkout().calculate(f.u1, Outgoing, "O1", "tok");
        assertThat(e.submit().submit(f.u1, Outgoing, "O1", "tok").status()).isEqualTo(OrderStatus.Open);
        gate.open();

        assertThat(failure(stuck).errorCode()).isEqualTo("Order.ChangedDuringIntegrationEvent");
        OrderState s = state("O1");
        assertThat(s.order().status()).isEqualTo(OrderStatus.Open);
        assertThat(s.submitGeneration()).isEqualTo(1);
        assertThat(s.reservation()).isNull();
    }

    /** {@code stock} units of P1, calculated carts O1 (u1) and O2 (u2) of two each; O1's submit waits at {@code gate}. */
    Future<Order> twoCartsOfTwoAndTheFirstSubmitHeldAtTheMiddleware(int stock, MiddlewareGate gate) throws InterruptedException {
        stock(stock);
        calculatedCart(f.u1, "O1", 2);
        calculatedCart(f.u2, "O2", 2);
        f.integration.set(gate);
        Future<Order> first = inBackground(() -> e.submit().submit(f.u1, Outgoing, "O1", "tok"));
        gate.awaitWaiting();
        return first;
    }

    void calculatedCart(Caller c, String id, int quantity) {
        p.cart(c, id);
        p.add(c, id, "P1", quantity);
        e.checkout().calculate(c, Outgoing, id, "tok");
    }

    void stock(int quantity) {
        e.context().store().table(Tables.PRODUCTS).update("P1", pr -> pr.toBuilder()
                .inventory(new Inventory(true, null, false, false, quantity, null)).build());
    }

    int stock() {
        return e.context().store().table(Tables.PRODUCTS).find("P1").orElseThrow().inventory().quantityAvailable();
    }

    BigDecimal balance() {
        return e.spendingAccounts().get(f.seller, "b1", "sa").balance();
    }

    OrderState state(String id) {
        return e.orders().state(f.seller, Incoming, id);
    }

    static OrderCloudException failure(Future<?> f) throws Exception {
        try {
            f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException x) {
            return (OrderCloudException) x.getCause();
        }
        throw new AssertionError("expected the call to fail");
    }
}
