package io.orderhooks.engine.internal.api.sdk;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.engine.AdminBootstrap;
import io.orderhooks.engine.internal.api.orders.CommerceFixture;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The official OrderCloud JavaScript SDK runs {@code sdk-compat/admin-approvals-flow.mjs}: the bootstrap admin
 * creates admin users, admin user groups with memberships and an admin address, then a seller approval rule naming
 * an admin user group; the shopper's order is held, an {@code OrderAdmin} outside the group is refused and a member
 * (signed in with the password grant through the admin client) approves it.
 */
class AdminPeopleSdkTest {

    final ApiTestServer api = ApiTestServer.start(e -> e.clock(Clock.systemUTC()).checkoutIntegration(CommerceFixture.CHECKOUT), a -> a);

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void onlyMembersOfTheRulesAdminUserGroupApproveTheOrderItHolds() throws Exception {
        CommerceFixture.seed(api);
        String shopper = CommerceFixture.shopper(api);
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "o1"))));
        ok(api.post("/v1/orders/Outgoing/o1/lineitems", shopper, json(Map.of("ProductID", "widget", "Quantity", 8))));
        ok(api.post("/v1/orders/Outgoing/o1/estimateshipping", shopper, null));
        ok(api.post("/v1/orders/Outgoing/o1/shipmethods", shopper,
                json(Map.of("ShipMethodSelections", List.of(Map.of("ShipEstimateID", "est1", "ShipMethodID", "ground"))))));
        ok(api.post("/v1/orders/Outgoing/o1/calculate", shopper, null));
        AdminBootstrap admin = AdminBootstrap.LOCAL_DEFAULTS;
        Map<String, String> env = Map.of("BASE_URL", api.baseUrl(), "ADMIN_CLIENT_ID", admin.clientID(),
                "ADMIN_CLIENT_SECRET", admin.clientSecret(), "SHOP_CLIENT_ID", CommerceFixture.CLIENT,
                "SHOPPER", CommerceFixture.USER, "SHOPPER_PASSWORD", CommerceFixture.PASSWORD, "ORDER_ID", "o1");

        NodeScripts.Result r = NodeScripts.node("admin-approvals-flow.mjs", env, 120);

        assertThat(r.exitCode()).as("admin-approvals-flow.mjs failed:\n" + r.stdout() + r.stderr()).isZero();
        String[] lines = r.stdout().strip().split("\n");
        JsonNode result = OrderCloudJson.mapper().readTree(lines[lines.length - 1]);
        assertThat(result.get("adminUsers").toString()).isEqualTo("[\"approver\",\"clerk\"]");
        assertThat(result.get("groups").toString()).isEqualTo("[\"approvers\",\"auditors\"]");
        assertThat(result.get("eligibleApprovers").toString()).isEqualTo("[\"approver\"]");
        assertThat(result.get("status").asText()).isEqualTo("Open");
        assertThat(result.get("approvedBy").toString()).isEqualTo("[\"big:Approved:approver\"]");
        assertThat(api.get("/v1/orders/Incoming/o1", api.adminToken()).body().get("Status").asText()).isEqualTo("Open");
    }
}
