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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forwarding over HTTP with suppliers S1 (product ps1, 20.00) and S2 (ps2, 30.00), each with a user holding
 * ShipmentAdmin + OrderAdmin. o1 (Open): l1 = ps1 × 2, l2 = ps2 × 3.
 */
class ForwardingAcceptanceTest {

    final MarketplaceApi m = new MarketplaceApi();
    final ApiTestServer api = m.api;
    String s1;
    String s2;

    @BeforeEach
    void suppliers() {
        s1 = m.supplierWithUser("S1");
        s2 = m.supplierWithUser("S2");
        m.product("ps1", "20.00", "S1");
        m.product("ps2", "30.00", "S2");
    }

    @AfterEach
    void stop() {
        m.close();
    }

    JsonNode forwarded(Object[]... lines) {
        assertThat(m.submitted("o1", lines).get("Status").asText()).isEqualTo("Open");
        Response forward = api.post("/v1/orders/Incoming/o1/forward", m.admin, null);
        assertThat(forward.status()).isEqualTo(201);
        return forward.body();
    }

    JsonNode buyerLine(String lineID) {
        return api.get("/v1/orders/Outgoing/o1/lineitems/" + lineID, m.shopper).body();
    }

    String buyerStatus() {
        return api.get("/v1/orders/Outgoing/o1", m.shopper).body().get("Status").asText();
    }

    @Test
    void forwardCreatesOneOpenOutgoingOrderPerSupplierWithTheSameLineIDs() {
        JsonNode result = forwarded(line("l1", "ps1", 2), line("l2", "ps2", 3));
        assertThat(result.at("/OutgoingOrders/0/ID").asText()).isEqualTo("o1-S1");
        assertThat(result.at("/OutgoingOrders/1/ID").asText()).isEqualTo("o1-S2");
        assertThat(result.at("/OutgoingOrders/0/Status").asText()).isEqualTo("Open");
        assertThat(result.at("/OutgoingOrders/0/ToCompanyID").asText()).isEqualTo("S1");
        assertThat(result.at("/OutgoingOrders/0/Subtotal").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(result.at("/OutgoingOrders/1/Subtotal").decimalValue()).isEqualByComparingTo("90.00");
        assertThat(result.get("RemainingLineItemIDs").size()).isZero();

        JsonNode buyerSide = api.get("/v1/orders/Incoming/o1/lineitems/l1", m.admin).body();
        assertThat(buyerSide.get("IncomingOrderID").asText()).isEqualTo("o1");
        assertThat(buyerSide.get("OutgoingOrderID").asText()).isEqualTo("o1-S1");
        JsonNode supplierSide = api.get("/v1/orders/Incoming/o1-S1/lineitems", s1).body();
        assertThat(supplierSide.at("/Meta/TotalCount").asInt()).isEqualTo(1);
        assertThat(supplierSide.at("/Items/0/ID").asText()).isEqualTo("l1");
        assertThat(supplierSide.at("/Items/0/IncomingOrderID").asText()).isEqualTo("o1");
        assertThat(supplierSide.at("/Items/0/OutgoingOrderID").asText()).isEqualTo("o1-S1");
        assertThat(api.get("/v1/orders/Incoming", s1).body().at("/Meta/TotalCount").asInt()).isEqualTo(1);
        refused(api.get("/v1/orders/Incoming/o1-S1", s2), 404, "NotFound");
        assertThat(api.get("/v1/orders/Outgoing?sortBy=ID", m.admin).body().at("/Items/1/ID").asText()).isEqualTo("o1-S2");
    }

    @Test
    void eachSupplierShipsItsOrderAndTheBuyerOrderCompletesWhenBothHave() {
        forwarded(line("l1", "ps1", 2), line("l2", "ps2", 3));
        Response shipped = api.post("/v1/orders/Incoming/o1-S1/ship", s1, json(Map.of("ID", "s1-ship", "TrackingNumber", "S1-1")));
        assertThat(shipped.status()).isEqualTo(201);
        assertThat(shipped.body().get("ID").asText()).as("Orders.Ship answers the Order").isEqualTo("o1-S1");
        assertThat(ok(api.get("/v1/shipments/s1-ship", s1)).body().get("OwnerID").asText()).isEqualTo("S1");
        assertThat(buyerLine("l1").get("QuantityShipped").asInt()).isEqualTo(2);
        assertThat(buyerLine("l2").get("QuantityShipped").asInt()).isZero();
        assertThat(buyerStatus()).isEqualTo("Open");
        assertThat(api.get("/v1/orders/Incoming/o1-S1", s1).body().get("Status").asText()).isEqualTo("Completed");

        api.clock().advance(Duration.ofHours(1));
        ok(api.post("/v1/shipments", s2, json(Map.of("ID", "s2-ship", "DateShipped", "2026-03-01T11:00:00+00:00"))));
        refused(api.post("/v1/shipments/s2-ship/items", s2, json(Map.of("OrderID", "o1-S1", "LineItemID", "l1", "QuantityShipped", 1))),
                404, "NotFound");
        ok(api.post("/v1/shipments/s2-ship/items", s2, json(Map.of("OrderID", "o1-S2", "LineItemID", "l2", "QuantityShipped", 1))));
        assertThat(buyerLine("l2").get("QuantityShipped").asInt()).isEqualTo(1);
        assertThat(buyerStatus()).isEqualTo("Open");
        ok(api.post("/v1/shipments/s2-ship/items", s2, json(Map.of("OrderID", "o1-S2", "LineItemID", "l2", "QuantityShipped", 3))));
        assertThat(buyerLine("l2").get("QuantityShipped").asInt()).isEqualTo(3);

        JsonNode buyer = api.get("/v1/orders/Outgoing/o1", m.shopper).body();
        assertThat(buyer.get("Status").asText()).isEqualTo("Completed");
        assertThat(buyer.get("DateCompleted").asText()).isEqualTo("2026-03-01T11:00:00+00:00");
        JsonNode mine = api.get("/v1/me/shipments?sortBy=ID", m.shopper).body();
        assertThat(mine.at("/Meta/TotalCount").asInt()).isEqualTo(2);
        assertThat(mine.at("/Items/0/ID").asText()).isEqualTo("s1-ship");
        assertThat(api.get("/v1/me/shipments/s2-ship/items", m.shopper).body().at("/Items/0/OrderID").asText()).isEqualTo("o1");
        assertThat(api.get("/v1/shipments", s1).body().at("/Meta/TotalCount").asInt()).as("a supplier sees only its own").isEqualTo(1);
    }

    @Test
    void aMarketplaceLineRemainsOnTheBuyerOrderAndForwardedLinesShipOnlyOnTheirOutgoingOrder() {
        JsonNode result = forwarded(line("l1", "ps1", 2), line("l3", "widget", 1));
        assertThat(result.get("OutgoingOrders").size()).isEqualTo(1);
        assertThat(result.at("/RemainingLineItemIDs/0").asText()).isEqualTo("l3");
        ok(api.post("/v1/shipments", m.admin, json(Map.of("ID", "mk"))));
        refused(api.post("/v1/shipments/mk/items", m.admin, json(Map.of("OrderID", "o1", "LineItemID", "l1", "QuantityShipped", 1))),
                400, "ShipmentItem.LineForwarded");
        assertThat(buyerLine("l1").get("QuantityShipped").asInt()).isZero();

        Response rest = api.post("/v1/orders/Incoming/o1/ship", m.admin, json(Map.of("ID", "mk-rest")));
        assertThat(rest.status()).isEqualTo(201);
        assertThat(api.get("/v1/shipments/mk-rest/items", m.admin).body().at("/Items/0/LineItemID").asText())
                .isEqualTo("l3");
        assertThat(buyerStatus()).isEqualTo("Open");
        ok(api.post("/v1/orders/Incoming/o1-S1/ship", s1, null));
        assertThat(buyerStatus()).isEqualTo("Completed");
    }

    @Test
    void onlyTheSellerForwardsAndOnlyIncomingOrders() {
        forwarded(line("l1", "ps1", 2), line("l2", "ps2", 3));
        refused(api.post("/v1/orders/Outgoing/o1-S1/forward", m.admin, null), 400, "Order.CannotSplitOutgoing");
        refused(api.post("/v1/orders/Outgoing/o1-S1/split", m.admin, null), 400, "Order.CannotSplitOutgoing");
        refused(api.post("/v1/orders/Incoming/o1-S1/forward", s1, null), 400, "Order.CannotSplitWrongUserType");
        refused(api.post("/v1/orders/Outgoing/o1/forward", m.shopper, null), 403, "Auth.InsufficientRoles");
        assertThat(api.get("/v1/orders/Outgoing", m.admin).body().at("/Meta/TotalCount").asInt()).isEqualTo(2);
        assertThat(api.get("/v1/orders/Incoming/o1-S1/lineitems", s1).body().at("/Meta/TotalCount").asInt()).isEqualTo(1);
    }
}
