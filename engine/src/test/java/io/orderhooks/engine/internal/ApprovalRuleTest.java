package io.orderhooks.engine.internal;

import static io.orderhooks.engine.internal.PromoFixture.thrown;
import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.approvals.ExpressionApprovalPolicy;
import io.orderhooks.engine.internal.orders.OrderPatch;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.ApprovalRule;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderApproval;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.UserGroup;
import io.orderhooks.core.model.CheckoutEventType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApprovalRuleTest {

    final PromoFixture p = new PromoFixture();
    final EngineFixture f = p.f;
    final Engine e = p.e;

    ApprovalRuleTest() {
        e.orgs().saveUserGroup(f.seller, "b1", new UserGroup("approvers", "Approvers", null, null));
    }

    ApprovalRule rule(String id, String expression) {
        return e.approvalRules().save(f.seller, "b1", new ApprovalRule(id, id, null, "approvers", expression, null));
    }

    Order submitMugs(String orderID, int quantity) {
        p.cart(f.u1, orderID);
        p.add(f.u1, orderID, "P2", quantity);
        e.checkout().calculate(f.u1, Outgoing, orderID, "tok");
        return e.submit().submit(f.u1, Outgoing, orderID, "tok");
    }

    @Test
    void aRuleOnTheTotalHoldsAnOrderOf250ButNotOneOf200() {
        rule("r1", "order.Total > 200");
        Order held = submitMugs("O1", 5);
        assertThat(held.total()).isEqualByComparingTo("250.00");
        assertThat(held.status()).isEqualTo(OrderStatus.AwaitingApproval);
        assertThat(held.dateSubmitted()).isEqualTo(e.context().now());
        List<OrderApproval> approvals = e.orders().state(f.seller, io.orderhooks.engine.internal.orders.Direction.Incoming, "O1").approvals();
        assertThat(approvals).hasSize(1);
        assertThat(approvals.get(0).approvalRuleID()).isEqualTo("r1");
        assertThat(approvals.get(0).approvingGroupID()).isEqualTo("approvers");
        assertThat(approvals.get(0).status()).isEqualTo("Pending");
        assertThat(f.calls.stream().filter(c -> c.orderID().equals("O1")).map(c -> c.type()))
                .contains(CheckoutEventType.ORDER_SUBMIT_FOR_APPROVAL).doesNotContain(CheckoutEventType.ORDER_SUBMIT);
        Order open = submitMugs("O2", 4);
        assertThat(open.total()).isEqualByComparingTo("200.00");
        assertThat(open.status()).isEqualTo(OrderStatus.Open);
    }

    @Test
    void aRuleOnOrderXpHoldsOnlyTheMatchingDepartment() {
        rule("fin", "order.xp.Department = 'Finance'");
        rule("big", "order.Total > 1000");
        p.cart(f.u1, "O1");
        p.add(f.u1, "O1", "P1", 1);
        e.orders().patch(f.u1, Outgoing, "O1", OrderPatch.xp(OrderCloudJson.mapper().createObjectNode().put("Department", "Finance")));
        Order held = e.submit().submit(f.u1Plain, Outgoing, "O1", "tok");
        assertThat(held.status()).isEqualTo(OrderStatus.AwaitingApproval);
        assertThat(e.orders().state(f.seller, io.orderhooks.engine.internal.orders.Direction.Incoming, "O1").approvals())
                .extracting(OrderApproval::approvalRuleID).containsExactly("fin");
        p.cart(f.u1, "O2");
        p.add(f.u1, "O2", "P1", 1);
        e.orders().patch(f.u1, Outgoing, "O2", OrderPatch.xp(OrderCloudJson.mapper().createObjectNode().put("Department", "Sales")));
        assertThat(e.submit().submit(f.u1Plain, Outgoing, "O2", "tok").status()).isEqualTo(OrderStatus.Open);
    }

    @Test
    void aChainedRuleHoldsOnlyOnceTheFirstRuleIsApproved() {
        ApprovalRule r1 = new ApprovalRule("r1", null, null, "approvers", "order.Total > 1000", null);
        ApprovalRule r2 = new ApprovalRule("r2", null, null, "managers", "order.approved('r1') and order.Total > 1000", null);
        p.cart(f.u1, "O1");
        p.add(f.u1, "O1", "P2", 21);
        var ws = e.checkout().worksheet(f.u1, Outgoing, "O1");
        assertThat(ws.order().total()).isEqualByComparingTo("1050.00");
        var policy = new ExpressionApprovalPolicy();
        assertThat(policy.holding(ws, List.of(r1, r2), List.of())).extracting(ApprovalRule::id).containsExactly("r1");
        OrderApproval pending = OrderApproval.builder().approvalRuleID("r1").status("Pending").build();
        assertThat(policy.holding(ws, List.of(r1, r2), List.of(pending))).as("r1 already pending").isEmpty();
        OrderApproval approved = pending.toBuilder().status("Approved").build();
        assertThat(policy.holding(ws, List.of(r1, r2), List.of(approved))).extracting(ApprovalRule::id).containsExactly("r2");
    }

    @Test
    void aMalformedRuleExpressionIsRefusedWithItsColumnAndNotStored() {
        var ex = thrown(() -> rule("bad", "order.Total > 200 and"), "Expression.InvalidSyntax");
        assertThat(ex.status()).isEqualTo(400);
        assertThat(ex.getMessage()).isEqualTo("Expected a value at column 22");
        thrown(() -> rule("bad2", "item.Quantity > 2"), "Expression.InvalidReference");
        thrown(() -> rule("bad3", "order.Total & 2"), "Expression.InvalidToken");
        assertThat(e.approvalRules().list(f.seller, "b1")).isEmpty();
        rule("ok", "order.Total > 200");
        thrown(() -> rule("ok", "order.Total >"), "Expression.InvalidSyntax");
        assertThat(e.approvalRules().list(f.seller, "b1")).extracting(ApprovalRule::ruleExpression).containsExactly("order.Total > 200");
    }
}
