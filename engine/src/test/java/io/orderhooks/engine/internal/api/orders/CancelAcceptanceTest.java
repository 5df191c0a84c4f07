package io.orderhooks.engine.internal.api.orders;

import static io.orderhooks.engine.internal.api.orders.MarketplaceApi.line;
import static io.orderhooks.engine.internal.api.orders.MarketplaceApi.refused;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cancel over HTTP. Product {@code stocked} (50.00, 10 in stock); buyer rule {@code order.Total > 100} approved by
 * group {@code approvers} (amy), so stocked × 3 (150.00 + tax) waits for approval and stocked × 1 opens.
 */
class CancelAcceptanceTest {

    static final String O1 = "/v1/orders/Outgoing/o1";

    final MarketplaceApi m = new MarketplaceApi();
    final ApiTestServer api = m.api;
    String amy;

    @BeforeEach
    void seed() {
        ok(api.post("/v1/priceschedules", m.admin, json(Map.of("ID", "ps-stocked", "Name", "stocked",
                "PriceBreaks", List.of(Map.of("Quantity", 1, "Price", 50))))));
        ok(api.post("/v1/products", m.admin, json(Map.of("ID", "stocked", "Name", "Stocked", "Active", true,
                "DefaultPriceScheduleID", "ps-stocked", "Inventory", Map.of("Enabled", true, "QuantityAvailable", 10)))));
        ok(api.post("/v1/catalogs/productassignments", m.admin, json(Map.of("CatalogID", "cat1", "ProductID", "stocked"))));
        amy = m.buyerUser("amy");
        m.buyerGroup("approvers", "amy");
        ok(api.post("/v1/buyers/b1/approvalrules", m.admin, json(Map.of("ID", "big", "ApprovingGroupID", "approvers",
                "RuleExpression", "order.Total > 100"))));
    }

    @AfterEach
    void stop() {
        m.close();
    }

    int stock() {
        return api.get("/v1/products/stocked", m.admin).body().at("/Inventory/QuantityAvailable").asInt();
    }

    JsonNode order() {
        return api.get(O1, m.shopper).body();
    }

    @Test
    void anUnsubmittedOrderIsCanceledWithItsDate() {
        m.cart("o1", line("l1", "stocked", 3));
        api.clock().advance(Duration.ofMinutes(5));
        Response canceled = api.post(O1 + "/cancel", m.shopper, null);
        assertThat(canceled.status()).isEqualTo(201);
        assertThat(canceled.body().get("Status").asText()).isEqualTo("Canceled");
        assertThat(canceled.body().get("DateCanceled").asText()).isEqualTo("2026-03-01T10:05:00+00:00");
        assertThat(stock()).isEqualTo(10);
        refused(api.post(O1 + "/cancel", m.shopper, null), 400, "Order.CannotCancelInCurrentStatus");
        refused(api.post(O1 + "/lineitems", m.shopper, json(Map.of("ProductID", "stocked", "Quantity", 1))), 400, "Order.CannotModifyBadStatus");
    }

    @Test
    void anOrderAwaitingApprovalIsCanceledAndGivesItsStockBack() {
        assertThat(m.submitted("o1", line("l1", "stocked", 3)).get("Status").asText()).isEqualTo("AwaitingApproval");
        assertThat(stock()).isEqualTo(7);
        Response canceled = api.post(O1 + "/cancel", m.shopper, null);
        assertThat(canceled.status()).isEqualTo(201);
        assertThat(canceled.body().get("Status").asText()).isEqualTo("Canceled");
        assertThat(canceled.body().get("DateCanceled").asText()).isEqualTo("2026-03-01T10:00:00+00:00");
        assertThat(stock()).isEqualTo(10);
        refused(api.post(O1 + "/approve", amy, null), 404, "NotFound");
        refused(api.post("/v1/orders/Incoming/o1/approve", m.admin, null), 400, "Order.MustBeAwaitingApproval");
        assertThat(api.get("/v1/me/orders/approvable", amy).body().at("/Meta/TotalCount").asInt()).isZero();
        assertThat(api.delete("/v1/buyers/b1/approvalrules/big", m.admin).status()).as("nothing awaits the rule any more").isEqualTo(204);
    }

    @Test
    void aDeclinedOrderMayBeCanceledByTheSeller() {
        m.submitted("o1", line("l1", "stocked", 3));
        assertThat(ok(api.post(O1 + "/decline", amy, null)).body().get("Status").asText()).isEqualTo("Declined");
        assertThat(stock()).isEqualTo(10);
        Response canceled = api.post("/v1/orders/Incoming/o1/cancel", m.admin, null);
        assertThat(canceled.body().get("Status").asText()).isEqualTo("Canceled");
        assertThat(stock()).as("decline already gave the stock back, exactly once").isEqualTo(10);
    }

    @Test
    void anOpenOrderCannotBeCanceledAndNothingChanges() {
        JsonNode open = m.submitted("o1", line("l1", "stocked", 1));
        assertThat(open.get("Status").asText()).isEqualTo("Open");
        assertThat(stock()).isEqualTo(9);
        Response refusal = refused(api.post(O1 + "/cancel", m.shopper, null), 400, "Order.CannotCancelInCurrentStatus");
        assertThat(refusal.body().at("/Errors/0/Message").asText()).contains("Open");
        refused(api.post("/v1/orders/Incoming/o1/cancel", m.admin, null), 400, "Order.CannotCancelInCurrentStatus");
        assertThat(order().get("Status").asText()).isEqualTo("Open");
        assertThat(order().get("DateCanceled").isNull()).isTrue();
        assertThat(stock()).isEqualTo(9);

        ok(api.post("/v1/orders/Incoming/o1/complete", m.admin, null));
        refused(api.post("/v1/orders/Incoming/o1/cancel", m.admin, null), 400, "Order.CannotCancelInCurrentStatus");
        assertThat(order().get("Status").asText()).isEqualTo("Completed");
    }
}
