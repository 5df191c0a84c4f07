package io.orderhooks.engine.internal;

import static io.orderhooks.engine.internal.MarketplaceFixture.code;
import static io.orderhooks.engine.internal.MarketplaceFixture.line;
import static io.orderhooks.engine.internal.MarketplaceFixture.statuses;
import static io.orderhooks.engine.internal.orders.Direction.Incoming;
import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderApproval;
import io.orderhooks.core.model.OrderApprovalInfo;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.User;
import io.orderhooks.engine.spi.CheckoutCall;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.engine.spi.DeliveryOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class OrderApprovalTest {

    final MarketplaceFixture f = new MarketplaceFixture();
    final Engine e = f.engine;
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T12:00:00Z");
    static final OffsetDateTime T1 = OffsetDateTime.parse("2026-03-01T13:00:00Z");

    Order awaiting() {
        f.rule("r1", "approvers", "total>100");
        return f.submitted("O1", line("L1", "P1", 11));
    }

    @Test
    void aHeldOrderAwaitsApprovalAndSendsSubmitForApproval() {
        Order o = awaiting();
        assertThat(o.status()).isEqualTo(OrderStatus.AwaitingApproval);
        assertThat(o.total()).isEqualByComparingTo("110.00");
        assertThat(o.dateSubmitted()).isEqualTo(T0);
        assertThat(o.isSubmitted()).isTrue();
        assertThat(f.callTypes()).containsExactly(CheckoutEventType.ORDER_SUBMIT_FOR_APPROVAL);
        assertThat(f.calls.get(0).idempotencyKey()).isEqualTo("O1/ordersubmitforapproval/1");
        OrderApproval a = e.approvals().listApprovals(f.u1, Outgoing, "O1").get(0);
        assertThat(a).isEqualTo(new OrderApproval(false, "r1", "approvers", "Pending", T0, null, null, null));
        assertThat(f.stock("P1")).isEqualTo(89);
    }

    @Test
    void anOrderNoRuleHoldsOpensAndSendsOrderSubmit() {
        f.rule("r1", "approvers", "total>100");
        Order o = f.submitted("O1", line("L1", "P1", 10));
        assertThat(o.status()).isEqualTo(OrderStatus.Open);
        assertThat(f.callTypes()).containsExactly(CheckoutEventType.ORDER_SUBMIT);
        assertThat(e.approvals().listApprovals(f.u1, Outgoing, "O1")).isEmpty();
    }

    @Test
    void aGroupMemberApprovesTheOrderOpensAndOrderApprovedIsSent() {
        awaiting();
        f.clock.advance(Duration.ofHours(1));
        Order o = e.approvals().approve(f.a1, Outgoing, "O1", new OrderApprovalInfo("fine", null), "tok-a1");
        assertThat(o.status()).isEqualTo(OrderStatus.Open);
        assertThat(o.dateApproved()).isEqualTo(T1);
        OrderApproval a = e.approvals().listApprovals(f.u1, Outgoing, "O1").get(0);
        assertThat(a.status()).isEqualTo("Approved");
        assertThat(a.approver().id()).isEqualTo("a1");
        assertThat(a.approver().password()).isNull();
        assertThat(a.comments()).isEqualTo("fine");
        assertThat(a.dateCompleted()).isEqualTo(T1);
        assertThat(f.callTypes()).containsExactly(CheckoutEventType.ORDER_SUBMIT_FOR_APPROVAL, CheckoutEventType.ORDER_APPROVED);
        CheckoutCall call = f.calls.get(1);
        assertThat(call.idempotencyKey()).isEqualTo("O1/orderapproved/1");
        assertThat(new String(call.payload(), StandardCharsets.UTF_8)).contains("\"OrderCloudAccessToken\":\"tok-a1\"").contains("\"Status\":\"Open\"");
        OrderState s = e.orders().state(f.u1, Outgoing, "O1");
        assertThat(s.approvedResponse().succeeded()).isTrue();
        assertThat(s.approvedResponse().xp().get("Seen").asBoolean()).isTrue();
        assertThat(f.stock("P1")).isEqualTo(89);
    }

    @Test
    void onlyEligibleApproversMayActAndOnlyWhileAwaitingApproval() {
        awaiting();
        code(() -> e.approvals().approve(f.u1, Outgoing, "O1", null, "t"), 403, "Order.NotEligibleToApprove");
        code(() -> e.approvals().decline(f.u1, Outgoing, "O1", null), 403, "Order.NotEligibleToApprove");
        code(() -> e.approvals().approve(f.m1, Outgoing, "O1", null, "t"), 404, "NotFound");
        code(() -> e.approvals().approve(f.x1, Outgoing, "O1", null, "t"), 404, "NotFound");
        Caller reader = Caller.seller("ro", "seller", "adminclient", "OrderReader");
        code(() -> e.approvals().approve(reader, Incoming, "O1", null, "t"), 403, "Order.NotEligibleToApprove");
        code(() -> e.approvals().approve(f.s1, Incoming, "O1", null, "t"), 404, "NotFound");
        assertThat(e.orders().get(f.u1, Outgoing, "O1").status()).isEqualTo(OrderStatus.AwaitingApproval);
        e.approvals().approve(f.a1, Outgoing, "O1", null, "t");
        code(() -> e.approvals().approve(f.u1, Outgoing, "O1", null, "t"), 400, "Order.MustBeAwaitingApproval");
        code(() -> e.approvals().decline(f.seller, Incoming, "O1", null), 400, "Order.MustBeAwaitingApproval");
    }

    @Test
    void theSellerWithOrderAdminApprovesEveryPendingApproval() {
        f.rule("r1", "approvers", "total>100");
        f.rule("r2", "managers", "total>50");
        f.submitted("O1", line("L1", "P1", 11));
        assertThat(statuses(e.approvals().listApprovals(f.seller, Incoming, "O1"))).containsExactly("r1:Pending", "r2:Pending");
        Order o = e.approvals().approve(Caller.seller("boss", "seller", "adminclient", "OrderAdmin"), Incoming, "O1", null, "t");
        assertThat(o.status()).isEqualTo(OrderStatus.Open);
        assertThat(statuses(e.approvals().listApprovals(f.seller, Incoming, "O1"))).containsExactly("r1:Approved", "r2:Approved");
        assertThat(e.approvals().listApprovals(f.seller, Incoming, "O1").get(0).approver().id()).isEqualTo("boss");
    }

    @Test
    void approvingOneOfTwoPendingApprovalsKeepsTheOrderWaiting() {
        f.rule("r1", "approvers", "total>100");
        f.rule("r2", "managers", "total>50");
        f.submitted("O1", line("L1", "P1", 11));
        assertThat(e.approvals().approve(f.a1, Outgoing, "O1", null, "t").status()).isEqualTo(OrderStatus.AwaitingApproval);
        assertThat(e.approvals().eligibleApprovers(f.u1, Outgoing, "O1")).extracting(User::id).containsExactly("m1");
        assertThat(e.approvals().approve(f.m1, Outgoing, "O1", null, "t").status()).isEqualTo(OrderStatus.Open);
        assertThat(f.callTypes()).containsExactly(CheckoutEventType.ORDER_SUBMIT_FOR_APPROVAL, CheckoutEventType.ORDER_APPROVED);
    }

    @Test
    void aRuleThatDependsOnAnApprovalHoldsTheOrderAgainAfterThatApproval() {
        f.rule("r1", "approvers", "total>100");
        f.rule("r2", "managers", "approved:r1");
        f.submitted("O1", line("L1", "P1", 11));
        assertThat(statuses(e.approvals().listApprovals(f.u1, Outgoing, "O1"))).containsExactly("r1:Pending");
        f.clock.advance(Duration.ofHours(1));
        Order o = e.approvals().approve(f.a1, Outgoing, "O1", null, "t");
        assertThat(o.status()).isEqualTo(OrderStatus.AwaitingApproval);
        assertThat(o.dateApproved()).isNull();
        assertThat(statuses(e.approvals().listApprovals(f.u1, Outgoing, "O1"))).containsExactly("r1:Approved", "r2:Pending");
        assertThat(e.approvals().listApprovals(f.u1, Outgoing, "O1").get(1).dateCreated()).isEqualTo(T1);
        assertThat(f.callTypes()).containsExactly(CheckoutEventType.ORDER_SUBMIT_FOR_APPROVAL);
        code(() -> e.approvals().approve(f.a1, Outgoing, "O1", null, "t"), 404, "NotFound");
        assertThat(e.approvals().approve(f.m1, Outgoing, "O1", null, "t").status()).isEqualTo(OrderStatus.Open);
        assertThat(statuses(e.approvals().listApprovals(f.u1, Outgoing, "O1"))).containsExactly("r1:Approved", "r2:Approved");
    }

    @Test
    void aFailedOrderApprovedCallLeavesTheOrderAwaitingAndARetryResendsTheSameKey() {
        awaiting();
        f.integration.set(c -> new DeliveryOutcome.Rejected(500, "boom".getBytes(StandardCharsets.UTF_8), Duration.ZERO));
        code(() -> e.approvals().approve(f.a1, Outgoing, "O1", null, "t"), 400, "IntegrationEvent.BadRequest");
        OrderState s = e.orders().state(f.u1, Outgoing, "O1");
        assertThat(s.order().status()).isEqualTo(OrderStatus.AwaitingApproval);
        assertThat(s.order().dateApproved()).isNull();
        assertThat(statuses(s.approvals())).containsExactly("r1:Pending");
        assertThat(s.approvedResponse().succeeded()).isFalse();
        assertThat(s.approvedResponse().httpStatusCode()).isEqualTo(500);
        assertThat(s.approvedResponse().unhandledErrorBody()).isEqualTo("boom");
        f.integration.set(c -> new DeliveryOutcome.TimedOut(Duration.ofSeconds(10), Duration.ofSeconds(10)));
        code(() -> e.approvals().approve(f.a1, Outgoing, "O1", null, "t"), 504, "IntegrationEvent.Timeout");
        f.integration.set(c -> MarketplaceFixture.ok("{}"));
        assertThat(e.approvals().approve(f.a1, Outgoing, "O1", null, "t").status()).isEqualTo(OrderStatus.Open);
        assertThat(f.calls.subList(1, 4)).extracting(CheckoutCall::idempotencyKey)
                .containsExactly("O1/orderapproved/1", "O1/orderapproved/1", "O1/orderapproved/1");
        assertThat(e.orders().state(f.u1, Outgoing, "O1").approvedResponse().succeeded()).isTrue();
    }

    @Test
    void declineSetsDeclinedClosesApprovalsAndGivesBackInventory() {
        awaiting();
        f.clock.advance(Duration.ofHours(1));
        Order o = e.approvals().decline(f.a1, Outgoing, "O1", new OrderApprovalInfo("too much", false));
        assertThat(o.status()).isEqualTo(OrderStatus.Declined);
        assertThat(o.dateDeclined()).isEqualTo(T1);
        OrderApproval a = e.approvals().listApprovals(f.u1, Outgoing, "O1").get(0);
        assertThat(a.status()).isEqualTo("Declined");
        assertThat(a.comments()).isEqualTo("too much");
        assertThat(a.approver().id()).isEqualTo("a1");
        assertThat(a.allowResubmit()).isFalse();
        assertThat(f.stock("P1")).isEqualTo(100);
        code(() -> e.submit().submit(f.u1, Outgoing, "O1", "t"), "Order.CannotSubmitBadStatus");
        assertThat(e.approvals().eligibleApprovers(f.u1, Outgoing, "O1")).isEmpty();
    }

    @Test
    void declineWithAllowResubmitReturnsTheOrderToUnsubmittedAndItCanBeSubmittedAgain() {
        awaiting();
        Order o = e.approvals().decline(f.a1, Outgoing, "O1", new OrderApprovalInfo("split it", true));
        assertThat(o.status()).isEqualTo(OrderStatus.Unsubmitted);
        assertThat(o.isSubmitted()).isFalse();
        assertThat(o.dateSubmitted()).isNull();
        assertThat(o.dateDeclined()).isEqualTo(T0);
        assertThat(f.stock("P1")).isEqualTo(100);
        f.clock.advance(Duration.ofHours(1));
        Order again = f.submit("O1");
        assertThat(again.status()).isEqualTo(OrderStatus.AwaitingApproval);
        assertThat(f.stock("P1")).isEqualTo(89);
        assertThat(statuses(e.approvals().listApprovals(f.u1, Outgoing, "O1"))).containsExactly("r1:Declined", "r1:Pending");
        assertThat(f.calls.get(1).idempotencyKey()).isEqualTo("O1/ordersubmitforapproval/2");
        assertThat(e.approvals().approve(f.a1, Outgoing, "O1", null, "t").status()).isEqualTo(OrderStatus.Open);
        assertThat(f.calls.get(2).idempotencyKey()).isEqualTo("O1/orderapproved/2");
    }

    @Test
    void eligibleApproversAreTheUsersOfThePendingApprovingGroups() {
        awaiting();
        assertThat(e.approvals().eligibleApprovers(f.u1, Outgoing, "O1")).extracting(User::id).containsExactly("a1");
        assertThat(e.approvals().eligibleApprovers(f.u1, Outgoing, "O1").get(0).password()).isNull();
        assertThat(e.orders().listApprovable(f.a1)).extracting(Order::id).containsExactly("O1");
        code(() -> e.approvals().eligibleApprovers(f.x1, Outgoing, "O1"), "NotFound");
    }
}
