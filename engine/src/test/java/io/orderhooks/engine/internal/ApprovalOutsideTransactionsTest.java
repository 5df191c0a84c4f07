package io.orderhooks.engine.internal;

import static io.orderhooks.engine.internal.MarketplaceFixture.code;
import static io.orderhooks.engine.internal.MarketplaceFixture.line;
import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderApprovalInfo;
import io.orderhooks.core.model.OrderStatus;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /orderapproved} is called with no lock held; the order is reserved while it runs. */
class ApprovalOutsideTransactionsTest {

    final MarketplaceFixture f = new MarketplaceFixture();
    final Engine e = f.engine;
    final ExecutorService background = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void whileOrderApprovedIsInFlightTheOrderCanBeReadButNotDeclinedAndItOpensWhenTheAnswerArrives() throws Exception {
        f.rule("r1", "approvers", "total>100");
        f.submitted("O1", line("L1", "P1", 11));
        MiddlewareGate gate = new MiddlewareGate(CheckoutEventType.ORDER_APPROVED, 1);
        f.integration.set(gate);
        Future<Order> approve = background.submit(() -> e.approvals().approve(f.a1, Outgoing, "O1", new OrderApprovalInfo("fine", null), "tok"));
        gate.awaitWaiting();

        assertThat(e.orders().get(f.u1, Outgoing, "O1").status()).isEqualTo(OrderStatus.AwaitingApproval);
        assertThat(e.approvals().listApprovals(f.u1, Outgoing, "O1").get(0).status()).isEqualTo("Pending");
        code(() -> e.approvals().decline(f.a1, Outgoing, "O1", new OrderApprovalInfo("no", null)), "Order.CheckoutInProgress");

        gate.open();
        assertThat(approve.get(30, TimeUnit.SECONDS).status()).isEqualTo(OrderStatus.Open);
        assertThat(e.orders().state(f.u1, Outgoing, "O1").reservation()).isNull();
        assertThat(e.approvals().listApprovals(f.u1, Outgoing, "O1").get(0).status()).isEqualTo("Approved");
    }
}
