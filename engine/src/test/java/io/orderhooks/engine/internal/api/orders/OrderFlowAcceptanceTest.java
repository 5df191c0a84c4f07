package io.orderhooks.engine.internal.api.orders;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderFlowAcceptanceTest {

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

    @Test
    void buyerBrowsesOrdersChecksOutAndSubmitsWithExactTotals() {
        Response products = api.get("/v1/me/products?sortBy=ID", shopper);
        assertThat(products.status()).isEqualTo(200);
        assertThat(products.body().at("/Meta/TotalCount").asInt()).isEqualTo(2);
        JsonNode widget = products.body().at("/Items/1");
        assertThat(widget.get("ID").asText()).isEqualTo("widget");
        assertThat(widget.at("/PriceSchedule/PriceBreaks/1/Price").decimalValue()).isEqualByComparingTo("8.50");

        Response order = api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "o1", "xp", Map.of("Channel", "web"))));
        assertThat(order.status()).isEqualTo(201);
        assertThat(order.body().get("Status").asText()).isEqualTo("Unsubmitted");

        Response line = api.post("/v1/orders/Outgoing/o1/lineitems", shopper, json(Map.of("ProductID", "widget", "Quantity", 6)));
        assertThat(line.status()).isEqualTo(201);
        assertThat(line.body().get("UnitPrice").decimalValue()).isEqualByComparingTo("8.50");
        assertThat(line.body().get("LineSubtotal").decimalValue()).isEqualByComparingTo("51.00");
        api.post("/v1/orders/Outgoing/o1/lineitems", shopper, json(Map.of("ProductID", "gadget", "Quantity", 2)));

        Response estimated = api.post("/v1/orders/Outgoing/o1/estimateshipping", shopper, null);
        assertThat(estimated.status()).isEqualTo(200);
        assertThat(estimated.body().at("/ShipEstimateResponse/ShipEstimates/0/ID").asText()).isEqualTo("est1");
        Response selected = api.post("/v1/orders/Outgoing/o1/shipmethods", shopper,
                json(Map.of("ShipMethodSelections", List.of(Map.of("ShipEstimateID", "est1", "ShipMethodID", "ground")))));
        assertThat(selected.status()).isEqualTo(200);
        assertThat(selected.body().at("/Order/ShippingCost").decimalValue()).isEqualByComparingTo("9.95");
        Response calculated = api.post("/v1/orders/Outgoing/o1/calculate", shopper, null);
        assertThat(calculated.status()).isEqualTo(200);
        JsonNode totals = calculated.body().get("Order");
        assertThat(totals.get("Subtotal").decimalValue()).isEqualByComparingTo("57.50");
        assertThat(totals.get("TaxCost").decimalValue()).isEqualByComparingTo("7.25");
        assertThat(totals.get("Total").decimalValue()).isEqualByComparingTo("74.70");

        Response payment = api.post("/v1/orders/Outgoing/o1/payments", shopper, json(Map.of("ID", "pay1", "Type", "PurchaseOrder")));
        assertThat(payment.status()).isEqualTo(201);
        assertThat(api.patch("/v1/orders/Incoming/o1/payments/pay1", admin, json(Map.of("Accepted", true))).body()
                .get("Accepted").asBoolean()).isTrue();

        Response submitted = api.post("/v1/orders/Outgoing/o1/submit", shopper, null);
        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.body().get("Status").asText()).isEqualTo("Open");
        assertThat(submitted.body().get("Total").decimalValue()).isEqualByComparingTo("74.70");
        assertThat(api.get("/v1/orders/Outgoing/o1/worksheet", shopper).body().at("/OrderSubmitResponse/xp/Exported").asBoolean()).isTrue();

        assertThat(api.get("/v1/me/orders?Status=Open&xp.Channel=web", shopper).body().at("/Meta/TotalCount").asInt()).isEqualTo(1);
        assertThat(api.get("/v1/me/orders?Status=Unsubmitted", shopper).body().at("/Meta/TotalCount").asInt()).isZero();
        assertThat(api.get("/v1/me/orders?Total=%3E74&from=2026-03-01&to=2026-03-01", shopper).body().at("/Items/0/ID").asText()).isEqualTo("o1");
        assertThat(api.get("/v1/me/orders?from=2026-03-02", shopper).body().at("/Meta/TotalCount").asInt()).isZero();
    }

    @Test
    void sellerListsIncomingOrdersByXpAndPatchesTheXpOfASubmittedOrder() {
        String buyerOrder = submittedOrder("o2", "web");
        submittedOrder("o3", "phone");

        Response web = api.get("/v1/orders/Incoming?xp.Channel=web", admin);
        assertThat(web.status()).isEqualTo(200);
        assertThat(web.body().at("/Meta/TotalCount").asInt()).isEqualTo(1);
        assertThat(web.body().at("/Items/0/ID").asText()).isEqualTo(buyerOrder);
        assertThat(api.get("/v1/orders/Incoming?xp.Channel=!web", admin).body().at("/Items/0/ID").asText()).isEqualTo("o3");

        Response patched = api.patch("/v1/orders/Incoming/o2", admin, json(Map.of("xp", Map.of("Priority", "high"))));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().at("/xp/Priority").asText()).isEqualTo("high");
        assertThat(patched.body().at("/xp/Channel").asText()).isEqualTo("web");
        assertThat(patched.body().get("Total").decimalValue()).isEqualByComparingTo("17.25");
        assertThat(api.get("/v1/orders/Incoming?xp.Priority=high", admin).body().at("/Items/0/ID").asText()).isEqualTo("o2");
    }

    @Test
    void theCartIsCreatedOnFirstUseAndCarriesTheCheckout() {
        Response cart = api.get("/v1/cart", shopper);
        assertThat(cart.status()).isEqualTo(200);
        String cartID = cart.body().get("ID").asText();
        assertThat(api.get("/v1/cart", shopper).body().get("ID").asText()).isEqualTo(cartID);

        assertThat(api.post("/v1/cart/lineitems", shopper, json(Map.of("ProductID", "gadget", "Quantity", 4))).status()).isEqualTo(201);
        assertThat(api.post("/v1/cart/estimateshipping", shopper, null).status()).isEqualTo(200);
        api.post("/v1/cart/shipmethods", shopper, json(Map.of("ShipMethodSelections", List.of(Map.of("ShipEstimateID", "est1", "ShipMethodID", "air")))));
        Response calculated = api.post("/v1/cart/calculate", shopper, null);
        assertThat(calculated.body().at("/Order/Total").decimalValue()).isEqualByComparingTo("44.75");
        Response submitted = api.post("/v1/cart/submit", shopper, null);
        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.body().get("ID").asText()).isEqualTo(cartID);

        String next = api.get("/v1/cart", shopper).body().get("ID").asText();
        assertThat(next).isNotEqualTo(cartID);
        assertThat(api.get("/v1/cart/lineitems", shopper).body().at("/Meta/TotalCount").asInt()).isZero();
    }

    @Test
    void putCartSwitchesToAnotherUnsubmittedOrderOfTheCaller() {
        api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "older")));
        api.clock().advance(java.time.Duration.ofMinutes(1));
        api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "newer")));
        assertThat(api.get("/v1/cart", shopper).body().get("ID").asText()).isEqualTo("newer");

        assertThat(api.put("/v1/cart/older", shopper, null).status()).isEqualTo(200);
        assertThat(api.get("/v1/cart", shopper).body().get("ID").asText()).isEqualTo("older");
        assertThat(api.put("/v1/cart/nope", shopper, null).errorCode()).isEqualTo("NotFound");

        assertThat(api.delete("/v1/cart", shopper).status()).isEqualTo(204);
        assertThat(api.get("/v1/orders/Outgoing/older", shopper).status()).isEqualTo(404);
        assertThat(api.get("/v1/cart", shopper).body().get("ID").asText()).isEqualTo("newer");
    }

    /** A submitted order of {@code widget} × 1 (10.00 + tax 7.25) with {@code xp.Channel}; returns its ID. */
    private String submittedOrder(String id, String channel) {
        ApiTestServer.ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", id, "xp", Map.of("Channel", channel)))));
        ApiTestServer.ok(api.post("/v1/orders/Outgoing/" + id + "/lineitems", shopper, json(Map.of("ProductID", "widget", "Quantity", 1))));
        ApiTestServer.ok(api.post("/v1/orders/Outgoing/" + id + "/calculate", shopper, null));
        ApiTestServer.ok(api.post("/v1/orders/Outgoing/" + id + "/submit", shopper, null));
        return id;
    }
}
