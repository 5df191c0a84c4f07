package io.orderhooks.engine.internal.api.returns;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.api.orders.CommerceFixture;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every refused return request answers OrderCloud's error shape with the exact code, and changes nothing. */
class OrderReturnBadInputAcceptanceTest {

    static ApiTestServer api;
    static String admin;
    static String shopper;

    @BeforeAll
    static void start() {
        api = ReturnFixture.start(CommerceFixture.CHECKOUT);
        ReturnFixture.submittedOrder(api, "o1");
        admin = api.adminToken();
        shopper = CommerceFixture.shopper(api);
        ok(api.post("/v1/orderreturns", shopper, json(Map.of("ID", "held", "OrderID", "o1",
                "ItemsToReturn", List.of(Map.of("LineItemID", "l1", "Quantity", 2))))));
        ok(api.post("/v1/orderreturns", shopper, json(Map.of("ID", "sent", "OrderID", "o1",
                "ItemsToReturn", List.of(Map.of("LineItemID", "l2", "Quantity", 1))))));
        ok(api.post("/v1/orderreturns/sent/submit", shopper, null));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static Response create(Object items) {
        return api.post("/v1/orderreturns", shopper, json(Map.of("OrderID", "o1", "ItemsToReturn", items)));
    }

    static void refused(Response r, int status, String code, String message) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(status);
        assertThat(r.errorCode()).isEqualTo(code);
        if (message != null) {
            assertThat(r.body().at("/Errors/0/Message").asText()).isEqualTo(message);
        }
    }

    @Test
    void itemsOutsideTheOrderOrBeyondWhatIsReturnableAreRefusedWithTheirCodes() {
        refused(create(List.of(Map.of("LineItemID", "l1", "Quantity", 2))), 400, "OrderReturn.QuantityExceedsReturnable",
                "Only 1 of line item l1 can be returned, not 2.");
        assertThat(create(List.of(Map.of("LineItemID", "l1", "Quantity", 2))).body().at("/Errors/0/Data/Returnable").asInt()).isEqualTo(1);
        refused(create(List.of(Map.of("LineItemID", "nope", "Quantity", 1))), 400, "OrderReturn.InvalidLineItem",
                "Line item nope is not a line of order o1.");
        refused(create(List.of(Map.of("LineItemID", "l2", "Quantity", 0))), 400, "OrderReturn.InvalidQuantity",
                "Quantity of line item l2 must be at least 1, was 0.");
        refused(create(List.of(Map.of("LineItemID", "l1", "Quantity", 1), Map.of("LineItemID", "l1", "Quantity", 1))), 400,
                "OrderReturn.DuplicateLineItem", "Line item l1 is listed more than once.");
        refused(create(List.of(Map.of("Quantity", 1))), 400, "ValidationFailure", null);
        refused(api.post("/v1/orderreturns", shopper, json(Map.of("ID", "x"))), 400, "ValidationFailure", null);
        refused(api.post("/v1/orderreturns", shopper, json(Map.of("OrderID", "nope"))), 404, "NotFound", null);
        List<String> ids = new java.util.ArrayList<>();
        api.get("/v1/orderreturns", admin).body().get("Items").forEach(i -> ids.add(i.get("ID").asText()));
        assertThat(ids).as("no refused request created a return").isSubsetOf("held", "sent", "costly");
    }

    @Test
    void anUnsubmittedOrderCannotBeReturnedAndAnotherBuyerCannotSeeTheReturns() {
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "cart"))));
        refused(api.post("/v1/orderreturns", shopper, json(Map.of("OrderID", "cart"))), 400, "OrderReturn.InvalidOrderStatus",
                "Only an Open or Completed order can be returned. Order cart is Unsubmitted.");
        api.seedBuyer("b2", "u2", "bob", "pw-bob-1", "other-app", "Shopper");
        String bob = api.login("other-app", "bob", "pw-bob-1", "Shopper");
        refused(api.get("/v1/orderreturns/held", bob), 404, "NotFound", null);
        refused(api.post("/v1/orderreturns/held/submit", bob, null), 404, "NotFound", null);
        assertThat(api.get("/v1/orderreturns", bob).body().at("/Meta/TotalCount").asInt()).isZero();
    }

    @Test
    void aSubmittedReturnRefusesItemChangesDeletionAndAShopperCannotCompleteIt() {
        refused(api.patch("/v1/orderreturns/sent", shopper, json(Map.of("ItemsToReturn", List.of(Map.of("LineItemID", "l2", "Quantity", 2))))),
                400, "OrderReturn.MustBeUnsubmitted", "Cannot change the items of order return sent: its status is Open, it must be Unsubmitted.");
        refused(api.delete("/v1/orderreturns/sent", shopper), 400, "OrderReturn.MustBeUnsubmitted", null);
        refused(api.delete("/v1/orderreturns/sent/items/l2", shopper), 400, "OrderReturn.MustBeUnsubmitted", null);
        refused(api.post("/v1/orderreturns/sent/submit", shopper, null), 400, "OrderReturn.MustBeUnsubmitted", null);
        refused(api.post("/v1/orderreturns/sent/complete", shopper, null), 403, "Auth.InsufficientRoles", null);
        refused(api.post("/v1/orderreturns/held/complete", admin, null), 400, "OrderReturn.MustBeOpen", null);
        refused(api.post("/v1/orderreturns/held/approve", admin, null), 400, "OrderReturn.MustBeAwaitingApproval", null);
        refused(api.put("/v1/orderreturns/held", shopper, json(Map.of("OrderID", "other"))), 400, "OrderReturn.CannotChangeOrder", null);
        refused(api.put("/v1/orderreturns/held", shopper, json(Map.of("ID", "renamed", "OrderID", "o1"))), 400, "ValidationFailure", null);
        refused(api.delete("/v1/orderreturns/held/items/l2", shopper), 404, "NotFound", null);
        assertThat(api.get("/v1/orderreturns/sent", shopper).body().at("/ItemsToReturn/0/Quantity").asInt()).isEqualTo(1);
        assertThat(api.get("/v1/orderreturns/held", shopper).body().get("OrderID").asText()).isEqualTo("o1");
    }

    @Test
    void aRefundBeyondWhatThePaymentsCanRefundIsRefusedAndLeavesThePaymentUntouched() {
        ok(api.post("/v1/orderreturns", admin, json(Map.of("ID", "costly", "OrderID", "o1",
                "ItemsToReturn", List.of(Map.of("LineItemID", "l2", "Quantity", 1, "RefundAmount", 1000))))));
        ok(api.post("/v1/orderreturns/costly/submit", admin, null));
        Response r = api.post("/v1/orderreturns/costly/complete", admin, null);
        refused(r, 400, "OrderReturn.RefundExceedsPayments",
                "The refund of 1000 exceeds what the order's accepted payments can refund (53.70).");
        assertThat(api.get("/v1/orders/Incoming/o1/payments/p-o1", admin).body().get("Transactions").size()).isZero();
        assertThat(api.get("/v1/orderreturns/costly", admin).body().get("Status").asText()).isEqualTo("Open");
        refused(api.post("/v1/orderreturns", admin, json(Map.of("OrderID", "o1",
                "ItemsToReturn", List.of(Map.of("LineItemID", "l1", "Quantity", 1, "RefundAmount", -1))))), 400, "OrderReturn.InvalidRefundAmount", null);
    }
}
