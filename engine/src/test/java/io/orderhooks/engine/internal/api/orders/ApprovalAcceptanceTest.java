package io.orderhooks.engine.internal.api.orders;

import static io.orderhooks.engine.internal.api.orders.MarketplaceApi.line;
import static io.orderhooks.engine.internal.api.orders.MarketplaceApi.refused;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static io.orderhooks.core.model.CheckoutEventType.ORDER_APPROVED;
import static io.orderhooks.core.model.CheckoutEventType.ORDER_SUBMIT;
import static io.orderhooks.core.model.CheckoutEventType.ORDER_SUBMIT_FOR_APPROVAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A buyer approval rule {@code order.Total > 100} approved by group {@code approvers} (amy); bob has OrderReader
 * on the buyer (sees every order) but is not an approver. o1 = widget × 12 (102.00) + tax 7.25 = 109.25.
 */
class ApprovalAcceptanceTest {

    static final String O1 = "/v1/orders/Outgoing/o1";

    final MarketplaceApi m = new MarketplaceApi();
    final ApiTestServer api = m.api;
    String amy;
    String bob;

    @BeforeEach
    void rule() {
        amy = m.buyerUser("amy");
        ok(api.post("/v1/buyers/b1/users", m.admin, json(Map.of("ID", "bob", "Username", "bob", "Password", "pw-bob",
                "FirstName", "Bob", "LastName", "User", "Email", "bob@example.com", "Active", true))));
        ok(api.post("/v1/securityprofiles", m.admin, json(Map.of("ID", "readers", "Name", "readers", "Roles", new String[] {"OrderReader"}))));
        ok(api.post("/v1/securityprofiles/assignments", m.admin, json(Map.of("SecurityProfileID", "readers", "BuyerID", "b1", "UserID", "bob"))));
        bob = api.login(CommerceFixture.CLIENT, "bob", "pw-bob", "Shopper", "OrderReader");
        m.buyerGroup("approvers", "amy");
        Response rule = api.post("/v1/buyers/b1/approvalrules", m.admin, json(Map.of("ID", "big", "Name", "Big orders",
                "ApprovingGroupID", "approvers", "RuleExpression", "order.Total > 100")));
        assertThat(rule.status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        m.close();
    }

    JsonNode awaiting() {
        JsonNode submitted = m.submitted("o1", line("w", "widget", 12));
        assertThat(submitted.get("Status").asText()).isEqualTo("AwaitingApproval");
        return submitted;
    }

    JsonNode order() {
        return api.get(O1, m.shopper).body();
    }

    @Test
    void anOrderOverTheRuleWaitsForApprovalAndCallsSubmitForApproval() {
        JsonNode submitted = awaiting();
        assertThat(submitted.get("Total").decimalValue()).isEqualByComparingTo("109.25");
        assertThat(submitted.get("IsSubmitted").asBoolean()).isTrue();
        assertThat(submitted.get("DateSubmitted").asText()).isEqualTo("2026-03-01T10:00:00+00:00");
        assertThat(m.calls).contains(ORDER_SUBMIT_FOR_APPROVAL).doesNotContain(ORDER_SUBMIT, ORDER_APPROVED);

        JsonNode approvals = api.get(O1 + "/approvals", m.shopper).body();
        assertThat(approvals.at("/Meta/TotalCount").asInt()).isEqualTo(1);
        assertThat(approvals.at("/Items/0/ApprovalRuleID").asText()).isEqualTo("big");
        assertThat(approvals.at("/Items/0/ApprovingGroupID").asText()).isEqualTo("approvers");
        assertThat(approvals.at("/Items/0/Status").asText()).isEqualTo("Pending");
        JsonNode approvers = api.get(O1 + "/eligibleapprovers", m.shopper).body();
        assertThat(approvers.at("/Meta/TotalCount").asInt()).isEqualTo(1);
        assertThat(approvers.at("/Items/0/ID").asText()).isEqualTo("amy");
        assertThat(api.get("/v1/me/orders/approvable", amy).body().at("/Items/0/ID").asText()).isEqualTo("o1");
    }

    @Test
    void anOrderUnderTheRuleIsOpenedWithoutApproval() {
        JsonNode submitted = m.submitted("o1", line("w", "widget", 2));
        assertThat(submitted.get("Status").asText()).isEqualTo("Open");
        assertThat(m.calls).contains(ORDER_SUBMIT).doesNotContain(ORDER_SUBMIT_FOR_APPROVAL);
        assertThat(api.get(O1 + "/approvals", m.shopper).body().at("/Meta/TotalCount").asInt()).isZero();
    }

    @Test
    void usersOutsideTheApprovingGroupAreNotEligibleAndChangeNothing() {
        awaiting();
        refused(api.post(O1 + "/approve", bob, null), 403, "Order.NotEligibleToApprove");
        refused(api.post(O1 + "/decline", bob, null), 403, "Order.NotEligibleToApprove");
        refused(api.post(O1 + "/approve", m.shopper, null), 403, "Order.NotEligibleToApprove");
        String stranger = m.buyerUser("carl");
        refused(api.post(O1 + "/approve", stranger, null), 404, "NotFound");

        assertThat(order().get("Status").asText()).isEqualTo("AwaitingApproval");
        assertThat(api.get(O1 + "/approvals", m.shopper).body().at("/Items/0/Status").asText()).isEqualTo("Pending");
        assertThat(m.calls).doesNotContain(ORDER_APPROVED);
    }

    @Test
    void aGroupMemberApprovesAndTheOrderOpensAfterOrderApproved() {
        awaiting();
        Response approved = api.post(O1 + "/approve", amy, json(Map.of("Comments", "fine by me")));
        assertThat(approved.status()).isEqualTo(201);
        assertThat(approved.body().get("Status").asText()).isEqualTo("Open");
        assertThat(m.calls).containsSubsequence(ORDER_SUBMIT_FOR_APPROVAL, ORDER_APPROVED);

        JsonNode approval = api.get(O1 + "/approvals", m.shopper).body().at("/Items/0");
        assertThat(approval.get("Status").asText()).isEqualTo("Approved");
        assertThat(approval.get("Comments").asText()).isEqualTo("fine by me");
        assertThat(approval.at("/Approver/ID").asText()).isEqualTo("amy");
        assertThat(api.get("/v1/me/orders/approvable", amy).body().at("/Meta/TotalCount").asInt()).isZero();

        refused(api.post(O1 + "/approve", amy, null), 404, "NotFound");
        refused(api.post(O1 + "/decline", amy, null), 404, "NotFound");
        refused(api.post("/v1/orders/Incoming/o1/approve", m.admin, null), 400, "Order.MustBeAwaitingApproval");
        refused(api.post("/v1/orders/Incoming/o1/decline", m.admin, null), 400, "Order.MustBeAwaitingApproval");
        assertThat(order().get("Status").asText()).isEqualTo("Open");
    }

    @Test
    void declineAllowingResubmitReturnsTheOrderToUnsubmittedAndItCanBeSubmittedAgain() {
        awaiting();
        Response declined = api.post(O1 + "/decline", amy, json(Map.of("Comments", "split it", "AllowResubmit", true)));
        assertThat(declined.status()).isEqualTo(201);
        assertThat(declined.body().get("Status").asText()).isEqualTo("Unsubmitted");
        assertThat(declined.body().get("IsSubmitted").asBoolean()).isFalse();
        assertThat(declined.body().get("DateSubmitted").isNull()).isTrue();

        ok(api.patch(O1 + "/lineitems/w", m.shopper, json(Map.of("Quantity", 11))));
        JsonNode again = m.submit("o1");
        assertThat(again.get("Status").asText()).isEqualTo("AwaitingApproval");
        assertThat(again.get("Total").decimalValue()).as("11 × 8.50 + 7.25").isEqualByComparingTo("100.75");
        JsonNode approvals = api.get(O1 + "/approvals?sortBy=DateCreated", m.shopper).body();
        assertThat(approvals.at("/Meta/TotalCount").asInt()).isEqualTo(2);
        assertThat(approvals.at("/Items/0/Status").asText()).isEqualTo("Declined");
        assertThat(approvals.at("/Items/0/Comments").asText()).isEqualTo("split it");
        assertThat(approvals.at("/Items/1/Status").asText()).isEqualTo("Pending");
        assertThat(api.post(O1 + "/approve", amy, null).body().get("Status").asText()).isEqualTo("Open");
    }

    @Test
    void declineWithoutResubmitLeavesTheOrderDeclined() {
        awaiting();
        Response declined = api.post(O1 + "/decline", amy, json(Map.of("Comments", "no")));
        assertThat(declined.status()).isEqualTo(201);
        assertThat(declined.body().get("Status").asText()).isEqualTo("Declined");
        assertThat(declined.body().get("DateDeclined").asText()).isEqualTo("2026-03-01T10:00:00+00:00");
        assertThat(api.get(O1 + "/approvals", m.shopper).body().at("/Items/0/Status").asText()).isEqualTo("Declined");

        refused(api.post(O1 + "/submit", m.shopper, null), 400, "Order.CannotSubmitBadStatus");
        refused(api.post("/v1/orders/Incoming/o1/approve", m.admin, null), 400, "Order.MustBeAwaitingApproval");
        assertThat(order().get("Status").asText()).isEqualTo("Declined");
        assertThat(m.calls).doesNotContain(ORDER_APPROVED);
    }
}
