package io.orderhooks.engine.internal.api.returns;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;

import io.orderhooks.engine.internal.api.orders.CommerceFixture;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.spi.CheckoutIntegration;
import java.util.List;
import java.util.Map;

/**
 * The commerce fixture plus a submitted order ready for returns: order {@code o1} of shopper {@code ann} with line
 * {@code l1} (3 widgets at 10.00) and {@code l2} (2 gadgets at 3.25), paid by an accepted purchase-order payment
 * {@code p1}, and an admin user group {@code return-approvers} holding the admin user.
 */
public final class ReturnFixture {

    private ReturnFixture() {}

    public static ApiTestServer start(CheckoutIntegration integration) {
        ApiTestServer api = ApiTestServer.start(e -> e.checkoutIntegration(integration), a -> a);
        CommerceFixture.seed(api);
        return api;
    }

    /** Places and submits order {@code orderID} as the shopper, paid by accepted payment {@code p-orderID}. */
    public static void submittedOrder(ApiTestServer api, String orderID) {
        String shopper = CommerceFixture.shopper(api);
        String admin = api.adminToken();
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", orderID))));
        ok(api.post("/v1/orders/Outgoing/" + orderID + "/lineitems", shopper, json(Map.of("ID", "l1", "ProductID", "widget", "Quantity", 3))));
        ok(api.post("/v1/orders/Outgoing/" + orderID + "/lineitems", shopper, json(Map.of("ID", "l2", "ProductID", "gadget", "Quantity", 2))));
        ok(api.post("/v1/orders/Outgoing/" + orderID + "/estimateshipping", shopper, null));
        ok(api.post("/v1/orders/Outgoing/" + orderID + "/shipmethods", shopper,
                json(Map.of("ShipMethodSelections", List.of(Map.of("ShipEstimateID", "est1", "ShipMethodID", "ground"))))));
        ok(api.post("/v1/orders/Outgoing/" + orderID + "/calculate", shopper, null));
        ok(api.post("/v1/orders/Outgoing/" + orderID + "/payments", shopper, json(Map.of("ID", "p-" + orderID, "Type", "PurchaseOrder"))));
        ok(api.patch("/v1/orders/Incoming/" + orderID + "/payments/p-" + orderID, admin, json(Map.of("Accepted", true))));
        ok(api.post("/v1/orders/Outgoing/" + orderID + "/submit", shopper, null));
    }

    /** An admin user group {@code return-approvers} with the admin user, and an OrderReturn rule over {@code expression}. */
    public static void returnRule(ApiTestServer api, String expression) {
        String admin = api.adminToken();
        ok(api.post("/v1/usergroups", admin, json(Map.of("ID", "return-approvers", "Name", "Return approvers"))));
        ok(api.post("/v1/usergroups/assignments", admin, json(Map.of("UserGroupID", "return-approvers", "UserID", "admin"))));
        ok(api.post("/v1/approvalrules", admin, json(Map.of("ID", "big-refunds", "ApprovalType", "OrderReturn",
                "ApprovingGroupID", "return-approvers", "RuleExpression", expression))));
    }
}
