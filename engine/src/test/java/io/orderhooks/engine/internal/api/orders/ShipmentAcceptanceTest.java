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

/** The seller ships submitted orders over HTTP: items, quantities, completion, ship/complete shortcuts, me/shipments. */
class ShipmentAcceptanceTest {

    final MarketplaceApi m = new MarketplaceApi();
    final ApiTestServer api = m.api;

    /** o1 (Open): line w = widget × 5, line g = gadget × 2. */
    @BeforeEach
    void submitted() {
        assertThat(m.submitted("o1", line("w", "widget", 5), line("g", "gadget", 2)).get("Status").asText()).isEqualTo("Open");
    }

    @AfterEach
    void stop() {
        m.close();
    }

    Response shipment(String id, String dateShipped) {
        return api.post("/v1/shipments", m.admin, dateShipped == null ? json(Map.of("ID", id, "TrackingNumber", "TN-" + id))
                : json(Map.of("ID", id, "TrackingNumber", "TN-" + id, "DateShipped", dateShipped)));
    }

    Response item(String shipmentID, String orderID, String lineID, int quantity) {
        return api.post("/v1/shipments/" + shipmentID + "/items", m.admin,
                json(Map.of("OrderID", orderID, "LineItemID", lineID, "QuantityShipped", quantity)));
    }

    int shipped(String orderID, String lineID) {
        return api.get("/v1/orders/Incoming/" + orderID + "/lineitems/" + lineID, m.admin).body().get("QuantityShipped").asInt();
    }

    JsonNode order(String orderID) {
        return api.get("/v1/orders/Incoming/" + orderID, m.admin).body();
    }

    @Test
    void partialShipmentsCountOnTheLinesAndTheLastOneCompletesTheOrder() {
        Response sh1 = shipment("sh1", "2026-03-01T10:00:00+00:00");
        assertThat(sh1.status()).isEqualTo(201);
        Response first = item("sh1", "o1", "w", 3);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("QuantityShipped").asInt()).isEqualTo(3);
        assertThat(first.body().get("UnitPrice").decimalValue()).as("the line's price (break 5)").isEqualByComparingTo("8.50");
        assertThat(first.body().at("/Product/ID").asText()).isEqualTo("widget");
        assertThat(shipped("o1", "w")).isEqualTo(3);
        assertThat(shipped("o1", "g")).isZero();
        assertThat(order("o1").get("Status").asText()).isEqualTo("Open");
        assertThat(api.get("/v1/shipments/sh1", m.admin).body().get("BuyerID").asText()).isEqualTo("b1");

        api.clock().advance(Duration.ofHours(1));
        ok(shipment("sh2", "2026-03-01T11:00:00+00:00"));
        ok(item("sh2", "o1", "w", 2));
        assertThat(order("o1").get("Status").asText()).isEqualTo("Open");
        ok(item("sh2", "o1", "g", 2));
        JsonNode completed = order("o1");
        assertThat(completed.get("Status").asText()).isEqualTo("Completed");
        assertThat(completed.get("DateCompleted").asText()).isEqualTo("2026-03-01T11:00:00+00:00");
        assertThat(shipped("o1", "w")).isEqualTo(5);
        assertThat(shipped("o1", "g")).isEqualTo(2);
        JsonNode items = api.get("/v1/shipments/sh2/items", m.admin).body();
        assertThat(items.at("/Meta/TotalCount").asInt()).isEqualTo(2);
        assertThat(api.get("/v1/orders/Incoming/o1/shipments", m.admin).body().at("/Meta/TotalCount").asInt()).isEqualTo(2);
    }

    @Test
    void anUndatedShipmentDoesNotCompleteTheOrderUntilItIsDated() {
        ok(shipment("sh1", null));
        ok(item("sh1", "o1", "w", 5));
        ok(item("sh1", "o1", "g", 2));
        assertThat(shipped("o1", "w")).isEqualTo(5);
        assertThat(order("o1").get("Status").asText()).isEqualTo("Open");
        api.clock().advance(Duration.ofHours(2));
        ok(api.patch("/v1/shipments/sh1", m.admin, json(Map.of("DateShipped", "2026-03-01T12:00:00+00:00"))));
        assertThat(order("o1").get("Status").asText()).isEqualTo("Completed");
        assertThat(order("o1").get("DateCompleted").asText()).isEqualTo("2026-03-01T12:00:00+00:00");
    }

    @Test
    void shippingMoreThanWasOrderedIsQuantityExceededAndChangesNothing() {
        ok(shipment("sh1", null));
        ok(shipment("sh2", null));
        ok(item("sh1", "o1", "w", 3));
        Response exceeded = refused(item("sh2", "o1", "w", 3), 400, "ShipmentItem.QuantityExceeded");
        JsonNode data = exceeded.body().at("/Errors/0/Data");
        assertThat(data.get("LineItemID").asText()).isEqualTo("w");
        assertThat(data.get("Quantity").asInt()).isEqualTo(5);
        assertThat(data.get("QuantityOnOtherShipments").asInt()).isEqualTo(3);
        assertThat(data.get("QuantityShipped").asInt()).isEqualTo(3);

        assertThat(shipped("o1", "w")).isEqualTo(3);
        assertThat(api.get("/v1/shipments/sh2/items", m.admin).body().at("/Meta/TotalCount").asInt()).isZero();
        refused(item("sh1", "o1", "nope", 1), 404, "NotFound");
        refused(api.post("/v1/shipments", m.shopper, json(Map.of("ID", "mine"))), 403, "Auth.InsufficientRoles");
        assertThat(api.get("/v1/shipments/mine", m.admin).status()).isEqualTo(404);
    }

    @Test
    void shipPutsEveryLineOnOneDatedShipmentAndCompletesTheOrder() {
        Response shipped = api.post("/v1/orders/Incoming/o1/ship", m.admin, json(Map.of("ID", "shx", "TrackingNumber", "1Z")));
        assertThat(shipped.status()).isEqualTo(201);
        assertThat(shipped.body().get("ID").asText()).as("Orders.Ship answers the Order").isEqualTo("o1");
        assertThat(shipped.body().get("Status").asText()).isEqualTo("Completed");
        JsonNode shipment = ok(api.get("/v1/shipments/shx", m.admin)).body();
        assertThat(shipment.get("DateShipped").asText()).isEqualTo("2026-03-01T10:00:00+00:00");
        assertThat(shipment.get("BuyerID").asText()).isEqualTo("b1");
        JsonNode items = api.get("/v1/shipments/shx/items?sortBy=LineItemID", m.admin).body();
        assertThat(items.at("/Items/0/LineItemID").asText()).isEqualTo("g");
        assertThat(items.at("/Items/0/QuantityShipped").asInt()).isEqualTo(2);
        assertThat(items.at("/Items/1/QuantityShipped").asInt()).isEqualTo(5);
        assertThat(order("o1").get("Status").asText()).isEqualTo("Completed");
        refused(api.post("/v1/orders/Incoming/o1/ship", m.admin, null), 400, "Order.CannotShipBadStatus");
    }

    @Test
    void shipRefusesAnOrderWithLinesOnOtherShipmentsAndNamesThem() {
        ok(shipment("sh1", null));
        ok(item("sh1", "o1", "g", 1));
        Response conflict = refused(api.post("/v1/orders/Incoming/o1/ship", m.admin, null), 400, "Order.ConflictsWithOtherShipments");
        JsonNode data = conflict.body().at("/Errors/0/Data");
        assertThat(data.size()).isEqualTo(1);
        assertThat(data.get(0).get("ID").asText()).isEqualTo("g");
        assertThat(data.get(0).get("QuantityShipped").asInt()).isEqualTo(1);

        JsonNode shipments = api.get("/v1/shipments", m.admin).body();
        assertThat(shipments.at("/Meta/TotalCount").asInt()).isEqualTo(1);
        assertThat(shipped("o1", "w")).isZero();
        assertThat(order("o1").get("Status").asText()).isEqualTo("Open");
    }

    @Test
    void completeClosesAnOpenOrderOnce() {
        api.clock().advance(Duration.ofMinutes(30));
        Response completed = api.post("/v1/orders/Incoming/o1/complete", m.admin, null);
        assertThat(completed.status()).isEqualTo(201);
        assertThat(completed.body().get("Status").asText()).isEqualTo("Completed");
        assertThat(completed.body().get("DateCompleted").asText()).isEqualTo("2026-03-01T10:30:00+00:00");
        refused(api.post("/v1/orders/Incoming/o1/complete", m.admin, null), 400, "Order.CannotCompleteBadStatus");
        m.cart("o2", line("x", "gadget", 1));
        refused(api.post("/v1/orders/Incoming/o2/complete", m.admin, null), 400, "Order.CannotCompleteBadStatus");
        assertThat(order("o2").get("Status").asText()).isEqualTo("Unsubmitted");
    }

    @Test
    void meShipmentsListsOnlyTheShipmentsOfTheCallersOrders() {
        String carl = m.buyerUser("carl");
        ok(api.post("/v1/orders/Outgoing", carl, json(Map.of("ID", "c1"))));
        ok(api.post("/v1/orders/Outgoing/c1/lineitems", carl, json(Map.of("ID", "cl", "ProductID", "gadget", "Quantity", 1))));
        ok(api.post("/v1/orders/Outgoing/c1/calculate", carl, null));
        ok(api.post("/v1/orders/Outgoing/c1/submit", carl, null));
        ok(api.post("/v1/orders/Incoming/o1/ship", m.admin, json(Map.of("ID", "ann-ship"))));
        ok(api.post("/v1/orders/Incoming/c1/ship", m.admin, json(Map.of("ID", "carl-ship"))));

        JsonNode mine = api.get("/v1/me/shipments", m.shopper).body();
        assertThat(mine.at("/Meta/TotalCount").asInt()).isEqualTo(1);
        assertThat(mine.at("/Items/0/ID").asText()).isEqualTo("ann-ship");
        assertThat(api.get("/v1/me/shipments/ann-ship/items", m.shopper).body().at("/Meta/TotalCount").asInt()).isEqualTo(2);
        refused(api.get("/v1/me/shipments/carl-ship", m.shopper), 404, "NotFound");
        assertThat(api.get("/v1/me/shipments", carl).body().at("/Items/0/ID").asText()).isEqualTo("carl-ship");
        assertThat(api.get("/v1/orders/Outgoing/o1/shipments", m.shopper).body().at("/Items/0/ID").asText()).isEqualTo("ann-ship");
    }
}
