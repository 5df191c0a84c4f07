package io.orderhooks.engine.internal.api.returns;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.api.orders.CommerceFixture;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Order returns through the API without an integration event: items, refunds, approval rules, completion. */
class OrderReturnAcceptanceTest {

    ApiTestServer api;
    String admin;
    String shopper;

    @BeforeEach
    void start() {
        api = ReturnFixture.start(CommerceFixture.CHECKOUT);
        ReturnFixture.submittedOrder(api, "o1");
        admin = api.adminToken();
        shopper = CommerceFixture.shopper(api);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    Response create(String id, String lineID, int quantity) {
        return api.post("/v1/orderreturns", shopper, json(Map.of("ID", id, "OrderID", "o1",
                "ItemsToReturn", List.of(Map.of("LineItemID", lineID, "Quantity", quantity)))));
    }

    @Test
    void aShopperReturnsTwoOfThreeWidgetsAndCompletingTheReturnRecordsTheRefundOnTheOrdersPayment() {
        Response created = create("r1", "l1", 2);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("Status").asText()).isEqualTo("Unsubmitted");
        assertThat(created.body().get("RefundAmount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(created.body().at("/ItemsToReturn/0/RefundAmount").decimalValue()).isEqualByComparingTo("20.00");

        Response submitted = api.post("/v1/orderreturns/r1/submit", shopper, null);
        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.body().get("Status").asText()).isEqualTo("Open");
        assertThat(submitted.body().get("DateSubmitted").isNull()).isFalse();

        Response completed = api.post("/v1/orderreturns/r1/complete", admin, null);
        assertThat(completed.status()).isEqualTo(201);
        assertThat(completed.body().get("Status").asText()).isEqualTo("Completed");
        assertThat(completed.body().get("PaymentIDs").toString()).isEqualTo("[\"p-o1\"]");
        Response payment = api.get("/v1/orders/Incoming/o1/payments/p-o1", admin);
        assertThat(payment.body().at("/Transactions/0/Type").asText()).isEqualTo("Refund");
        assertThat(payment.body().at("/Transactions/0/Amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(payment.body().at("/Transactions/0/xp/OrderReturnID").asText()).isEqualTo("r1");
        assertThat(api.get("/v1/orderreturns", shopper).body().at("/Meta/TotalCount").asInt()).isEqualTo(1);
    }

    @Test
    void anOrderReturnRuleHoldsABigRefundUntilAMemberOfItsAdminGroupApprovesIt() {
        ReturnFixture.returnRule(api, "order.RefundAmount > 15");
        ok(create("big", "l1", 2));
        ok(create("small", "l2", 1));

        assertThat(api.post("/v1/orderreturns/small/submit", shopper, null).body().get("Status").asText()).isEqualTo("Open");
        Response held = api.post("/v1/orderreturns/big/submit", shopper, null);
        assertThat(held.body().get("Status").asText()).isEqualTo("AwaitingApproval");
        Response approvals = api.get("/v1/orderreturns/big/approvals", admin);
        assertThat(approvals.body().at("/Items/0/ApprovalRuleID").asText()).isEqualTo("big-refunds");
        assertThat(approvals.body().at("/Items/0/Status").asText()).isEqualTo("Pending");
        assertThat(api.get("/v1/orderreturns/big/eligibleapprovers", admin).body().at("/Items/0/ID").asText()).isEqualTo("admin");
        assertThat(api.get("/v1/orderreturns?approvable=true", admin).body().at("/Items/0/ID").asText()).isEqualTo("big");
        Response notMine = api.post("/v1/orderreturns/big/approve", shopper, null);
        assertThat(notMine.status()).isEqualTo(403);
        assertThat(notMine.errorCode()).isEqualTo("OrderReturn.NotEligibleToApprove");

        assertThat(api.delete("/v1/approvalrules/big-refunds", admin).errorCode()).isEqualTo("ApprovalRule.CannotDeleteIfPending");

        Response approved = api.post("/v1/orderreturns/big/approve", admin, json(Map.of("Comments", "ok")));
        assertThat(approved.status()).isEqualTo(201);
        assertThat(approved.body().get("Status").asText()).isEqualTo("Open");
        assertThat(approved.body().get("DateApproved").isNull()).isFalse();
        assertThat(api.get("/v1/orderreturns/big/approvals", admin).body().at("/Items/0/Comments").asText()).isEqualTo("ok");
    }

    @Test
    void aDeclinedReturnStaysDeclinedAndNoLongerHoldsItsQuantities() {
        ReturnFixture.returnRule(api, "order.RefundAmount > 1");
        ok(create("r1", "l1", 3));
        ok(api.post("/v1/orderreturns/r1/submit", shopper, null));
        Response declined = api.post("/v1/orderreturns/r1/decline", admin, json(Map.of("Comments", "no")));
        assertThat(declined.body().get("Status").asText()).isEqualTo("Declined");
        assertThat(declined.body().get("DateDeclined").isNull()).isFalse();
        assertThat(create("r2", "l1", 3).status()).isEqualTo(201);
    }

    @Test
    void aReturnIsCanceledAndAnUnsubmittedOneDeletedOrChangedItemByItem() {
        ok(api.post("/v1/orderreturns", shopper, json(Map.of("ID", "r1", "OrderID", "o1", "ItemsToReturn",
                List.of(Map.of("LineItemID", "l1", "Quantity", 1), Map.of("LineItemID", "l2", "Quantity", 2))))));
        Response oneItem = api.delete("/v1/orderreturns/r1/items/l2", shopper);
        assertThat(oneItem.body().get("ItemsToReturn").size()).isEqualTo(1);
        assertThat(oneItem.body().get("RefundAmount").decimalValue()).isEqualByComparingTo("10.00");
        Response patched = api.patch("/v1/orderreturns/r1", shopper, json(Map.of("Comments", "too big", "xp", Map.of("Reason", "size"))));
        assertThat(patched.body().get("Comments").asText()).isEqualTo("too big");
        assertThat(api.post("/v1/orderreturns/r1/cancel", shopper, null).body().get("Status").asText()).isEqualTo("Canceled");
        ok(create("r2", "l1", 1));
        assertThat(api.delete("/v1/orderreturns/r2", shopper).status()).isEqualTo(204);
        assertThat(api.get("/v1/orderreturns/r2", shopper).status()).isEqualTo(404);
    }
}
