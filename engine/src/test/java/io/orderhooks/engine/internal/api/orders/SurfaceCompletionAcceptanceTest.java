package io.orderhooks.engine.internal.api.orders;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The routes that completed the SDK surface: seller approval rules, validate, eligible promotions, fromuser, line shipto. */
class SurfaceCompletionAcceptanceTest {

    final ApiTestServer api = CommerceFixture.start();
    String shopper;
    String admin;

    @BeforeEach
    void seed() {
        CommerceFixture.seed(api);
        shopper = CommerceFixture.shopper(api);
        admin = api.adminToken();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** Order o1 with 6 widgets (51.00), shipped ground (9.95), calculated (tax 7.25): total 68.20. */
    void checkedOut(String orderID) {
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", orderID))));
        ok(api.post("/v1/orders/Outgoing/" + orderID + "/lineitems", shopper, json(Map.of("ProductID", "widget", "Quantity", 6))));
        ok(api.post("/v1/orders/Outgoing/" + orderID + "/estimateshipping", shopper, null));
        ok(api.post("/v1/orders/Outgoing/" + orderID + "/shipmethods", shopper,
                json(Map.of("ShipMethodSelections", List.of(Map.of("ShipEstimateID", "est1", "ShipMethodID", "ground"))))));
        ok(api.post("/v1/orders/Outgoing/" + orderID + "/calculate", shopper, null));
    }

    @Test
    void aSellerApprovalRuleHoldsABuyersOrderUntilAMemberOfItsAdminGroupApprovesIt() {
        ok(api.post("/v1/usergroups", admin, json(Map.of("ID", "marketplace-approvers", "Name", "Approvers"))));
        ok(api.post("/v1/usergroups/assignments", admin, json(Map.of("UserGroupID", "marketplace-approvers", "UserID", "admin"))));
        Response rule = api.post("/v1/approvalrules", admin, json(Map.of("ID", "big", "ApprovalType", "Order",
                "ApprovingGroupID", "marketplace-approvers", "RuleExpression", "order.Total > 60")));
        assertThat(rule.status()).isEqualTo(201);
        assertThat(rule.body().get("OwnerID").asText()).isEqualTo("seller");
        assertThat(api.get("/v1/approvalrules", admin).body().at("/Meta/TotalCount").asInt()).isEqualTo(1);
        assertThat(api.patch("/v1/approvalrules/big", admin, json(Map.of("Name", "Big orders"))).body().get("Name").asText())
                .isEqualTo("Big orders");

        checkedOut("o1");
        Response submitted = api.post("/v1/orders/Outgoing/o1/submit", shopper, null);
        assertThat(submitted.body().get("Status").asText()).isEqualTo("AwaitingApproval");
        assertThat(submitted.body().get("Total").decimalValue()).isEqualByComparingTo("68.20");
        Response approvals = api.get("/v1/orders/Incoming/o1/approvals", admin);
        assertThat(approvals.body().at("/Items/0/ApprovalRuleID").asText()).isEqualTo("big");
        assertThat(approvals.body().at("/Items/0/Status").asText()).isEqualTo("Pending");
        assertThat(api.delete("/v1/approvalrules/big", admin).errorCode()).isEqualTo("ApprovalRule.CannotDeleteIfPending");
        assertThat(api.post("/v1/orders/Outgoing/o1/approve", shopper, null).errorCode()).isEqualTo("Order.NotEligibleToApprove");

        Response approved = api.post("/v1/orders/Incoming/o1/approve", admin, json(Map.of("Comments", "fine")));
        assertThat(approved.status()).isEqualTo(201);
        assertThat(approved.body().get("Status").asText()).isEqualTo("Open");
        assertThat(api.delete("/v1/approvalrules/big", admin).status()).isEqualTo(204);
        assertThat(api.get("/v1/approvalrules/big", admin).status()).isEqualTo(404);
    }

    @Test
    void sellerApprovalRulesRefuseBadInputWithValidationFailure() {
        Response noType = api.post("/v1/approvalrules", admin, json(Map.of("ApprovingGroupID", "g", "RuleExpression", "order.Total > 1")));
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.body().at("/Errors/0/Message").asText()).isEqualTo("ApprovalType is required");
        Response unknownGroup = api.post("/v1/approvalrules", admin, json(Map.of("ApprovalType", "Order",
                "ApprovingGroupID", "g", "RuleExpression", "order.Total > 1")));
        assertThat(unknownGroup.status()).isEqualTo(404);
        assertThat(unknownGroup.errorCode()).isEqualTo("NotFound");
        assertThat(api.post("/v1/approvalrules", admin, json(Map.of("ApprovalType", "Order", "OwnerID", "b1",
                "ApprovingGroupID", "g", "RuleExpression", "order.Total > 1"))).errorCode()).isEqualTo("ValidationFailure");
        assertThat(api.post("/v1/approvalrules", admin, json(Map.of("ApprovalType", "Order",
                "ApprovingGroupID", "g", "RuleExpression", "order.Total >"))).errorCode()).startsWith("Expression.");
        assertThat(api.get("/v1/approvalrules", shopper).status()).isEqualTo(403);
        assertThat(api.get("/v1/approvalrules", admin).body().at("/Meta/TotalCount").asInt()).isZero();
    }

    @Test
    void validateAnswers204ForASubmittableOrderAndTheSubmitRefusalOtherwiseChangingNothing() {
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "o1"))));
        Response empty = api.post("/v1/orders/Outgoing/o1/validate", shopper, null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorCode()).isEqualTo("Order.CannotSubmitWithNoLineItems");
        ok(api.post("/v1/orders/Outgoing/o1/lineitems", shopper, json(Map.of("ProductID", "widget", "Quantity", 6))));
        assertThat(api.post("/v1/orders/Outgoing/o1/validate", shopper, null).errorCode()).isEqualTo("Order.CannotSubmitUncalculatedOrder");

        ok(api.post("/v1/orders/Outgoing/o1/estimateshipping", shopper, null));
        ok(api.post("/v1/orders/Outgoing/o1/shipmethods", shopper,
                json(Map.of("ShipMethodSelections", List.of(Map.of("ShipEstimateID", "est1", "ShipMethodID", "ground"))))));
        ok(api.post("/v1/orders/Outgoing/o1/calculate", shopper, null));
        assertThat(api.post("/v1/orders/Outgoing/o1/validate", shopper, null).status()).isEqualTo(204);
        ok(api.put("/v1/cart/o1", shopper, null));
        assertThat(api.post("/v1/cart/validate", shopper, null).status()).isEqualTo(204);
        assertThat(api.get("/v1/orders/Outgoing/o1", shopper).body().get("Status").asText()).isEqualTo("Unsubmitted");
        assertThat(api.post("/v1/orders/Outgoing/nope/validate", shopper, null).status()).isEqualTo(404);
    }

    @Test
    void eligiblePromotionsListWhatTheOrderQualifiesForWithTheAmount() {
        ok(api.post("/v1/promotions", admin, json(Map.of("ID", "p10", "Code", "TEN", "EligibleExpression", "order.Subtotal > 50",
                "ValueExpression", "order.Subtotal * 0.1", "AllowAllBuyers", true, "Active", true))));
        ok(api.post("/v1/promotions", admin, json(Map.of("ID", "p100", "Code", "BIG", "EligibleExpression", "order.Subtotal > 100",
                "ValueExpression", "5", "AllowAllBuyers", true, "Active", true))));
        ok(api.post("/v1/promotions", admin, json(Map.of("ID", "pOff", "Code", "OFF", "EligibleExpression", "true",
                "ValueExpression", "1", "AllowAllBuyers", true, "Active", false))));
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "o1"))));
        ok(api.post("/v1/orders/Outgoing/o1/lineitems", shopper, json(Map.of("ProductID", "widget", "Quantity", 6))));

        Response eligible = api.get("/v1/orders/Outgoing/o1/eligiblepromotions", shopper);
        assertThat(eligible.status()).isEqualTo(200);
        assertThat(eligible.body().at("/Meta/TotalCount").asInt()).isEqualTo(1);
        assertThat(eligible.body().at("/Items/0/Code").asText()).isEqualTo("TEN");
        assertThat(eligible.body().at("/Items/0/Amount").decimalValue()).isEqualByComparingTo("5.10");
        ok(api.put("/v1/cart/o1", shopper, null));
        assertThat(api.get("/v1/cart/eligiblepromotions", shopper).body().at("/Items/0/ID").asText()).isEqualTo("p10");
        assertThat(api.get("/v1/orders/Outgoing/o1/eligiblepromotions?Code=BIG", shopper).body().at("/Meta/TotalCount").asInt()).isZero();
    }

    @Test
    void patchFromUserChangesOnlyTheOrdersCopyOfNameAndEmail() {
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "o1"))));
        Response patched = api.patch("/v1/orders/Outgoing/o1/fromuser", shopper, json(Map.of("FirstName", "Guest", "Email", "g@example.com")));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().at("/FromUser/FirstName").asText()).isEqualTo("Guest");
        assertThat(patched.body().at("/FromUser/LastName").asText()).isEqualTo("User");
        assertThat(patched.body().at("/FromUser/Email").asText()).isEqualTo("g@example.com");
        assertThat(api.get("/v1/me", shopper).body().get("FirstName").asText()).isEqualTo("Test");

        Response other = api.patch("/v1/orders/Outgoing/o1/fromuser", shopper, json(Map.of("Username", "mallory")));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.errorCode()).isEqualTo("ValidationFailure");
        ok(api.put("/v1/cart/o1", shopper, null));
        assertThat(api.patch("/v1/cart/fromuser", shopper, json(Map.of("LastName", "Shopper"))).body().at("/FromUser/LastName").asText())
                .isEqualTo("Shopper");
    }

    @Test
    void aLineShipsToAOneOffAddressAndPatchMergesOntoIt() {
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "o1"))));
        String line = ok(api.post("/v1/orders/Outgoing/o1/lineitems", shopper, json(Map.of("ProductID", "gadget", "Quantity", 1))))
                .body().get("ID").asText();
        Response put = api.put("/v1/orders/Outgoing/o1/lineitems/" + line + "/shipto", shopper,
                json(Map.of("Street1", "1 Main St", "City", "Springfield", "State", "IL", "Zip", "62701", "Country", "US")));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().at("/ShippingAddress/City").asText()).isEqualTo("Springfield");
        assertThat(put.body().get("ShippingAddressID").isNull()).isTrue();
        Response patched = api.patch("/v1/orders/Outgoing/o1/lineitems/" + line + "/shipto", shopper, json(Map.of("Zip", "62702")));
        assertThat(patched.body().at("/ShippingAddress/Zip").asText()).isEqualTo("62702");
        assertThat(patched.body().at("/ShippingAddress/Street1").asText()).isEqualTo("1 Main St");
    }

    @Test
    void putOnAnOrderWithoutCommentsLeavesThemNullNotEmpty() {
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "o1", "Comments", "ring twice"))));
        Response put = api.put("/v1/orders/Outgoing/o1", shopper, json(Map.of("ID", "o1")));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().get("Comments").isNull()).isTrue();
        ok(api.patch("/v1/orders/Outgoing/o1", shopper, json(Map.of("Comments", "again"))));
        assertThat(api.patch("/v1/orders/Outgoing/o1", shopper, "{\"Comments\":null}").body().get("Comments").isNull()).isTrue();
    }
}
