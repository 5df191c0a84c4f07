package io.orderhooks.engine.internal.api.orders;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input on the order routes: the right error, and the order exactly as it was (re-read and compared). */
class OrderInputAcceptanceTest {

    final ApiTestServer api = ApiTestServer.start(e -> e.checkoutIntegration(CommerceFixture.CHECKOUT), a -> a.maxBodyBytes(8192));
    String shopper;
    String admin;

    @BeforeEach
    void seed() {
        CommerceFixture.seed(api);
        shopper = CommerceFixture.shopper(api);
        admin = api.adminToken();
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "o1", "xp", Map.of("Channel", "web")))));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void malformedJsonIsA400AndAddsNoLine() {
        JsonNode before = snapshot("o1");
        Response r = api.post("/v1/orders/Outgoing/o1/lineitems", shopper, "{\"ProductID\":\"widget\",");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("Request.InvalidJson");
        assertThat(snapshot("o1")).isEqualTo(before);
    }

    @Test
    void aWrongTypeIsA400NamingTheProperty() {
        JsonNode before = snapshot("o1");
        Response r = api.post("/v1/orders/Outgoing/o1/lineitems", shopper, "{\"ProductID\":\"widget\",\"Quantity\":\"two\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("Request.InvalidJson");
        assertThat(r.body().at("/Errors/0/Data/Path").asText()).isEqualTo("Quantity");
        assertThat(r.body().at("/Errors/0/Message").asText()).contains("Quantity");
        Response patch = api.patch("/v1/orders/Outgoing/o1", shopper, "{\"ShippingCost\":\"free\"}");
        assertThat(patch.status()).isEqualTo(400);
        assertThat(patch.body().at("/Errors/0/Message").asText()).contains("ShippingCost");
        assertThat(snapshot("o1")).isEqualTo(before);
    }

    @Test
    void anUnknownOrderIsA404OnEveryKindOfRoute() {
        assertThat(api.get("/v1/orders/Outgoing/nope", shopper).errorCode()).isEqualTo("NotFound");
        assertThat(api.get("/v1/orders/Outgoing/nope", shopper).status()).isEqualTo(404);
        assertThat(api.post("/v1/orders/Outgoing/nope/lineitems", shopper, json(Map.of("ProductID", "widget", "Quantity", 1))).status()).isEqualTo(404);
        assertThat(api.post("/v1/orders/Outgoing/nope/submit", shopper, null).status()).isEqualTo(404);
        assertThat(api.get("/v1/orders/Outgoing/nope/worksheet", shopper).status()).isEqualTo(404);
        assertThat(api.patch("/v1/orders/Outgoing/o1/lineitems/nope", shopper, json(Map.of("Quantity", 2))).errorCode()).isEqualTo("NotFound");
        assertThat(api.get("/v1/orders/Sideways/o1", shopper).status()).isEqualTo(400);
    }

    @Test
    void submitRefusalsCarryTheirCodesAndChangeNothing() {
        expectSubmitRefused("Order.CannotSubmitWithNoLineItems");
        ok(api.post("/v1/orders/Outgoing/o1/lineitems", shopper, json(Map.of("ID", "l1", "ProductID", "widget", "Quantity", 2))));
        expectSubmitRefused("Order.CannotSubmitUncalculatedOrder");
        ok(api.post("/v1/orders/Outgoing/o1/calculate", shopper, null));
        ok(api.post("/v1/orders/Outgoing/o1/payments", shopper, json(Map.of("ID", "p1", "Type", "PurchaseOrder"))));
        expectSubmitRefused("Order.CannotSubmitWithUnaccceptedPayments");
        ok(api.delete("/v1/orders/Outgoing/o1/payments/p1", shopper));
        assertThat(api.post("/v1/orders/Outgoing/o1/submit", shopper, null).status()).isEqualTo(201);
        expectSubmitRefused("Order.CannotSubmitBadStatus");
    }

    @Test
    void aLineAddToAnOrderHoldingTheMostLinesIsA400AndAddsNoLine() {
        ok(api.post("/v1/orders/Outgoing/o1/lineitems", shopper, json(Map.of("ID", "l1", "ProductID", "widget", "Quantity", 2))));
        io.orderhooks.engine.internal.store.Store store = api.engine().context().store();
        store.withOrder("o1", s -> {
            io.orderhooks.core.model.LineItem first = s.lineItems().get(0);
            java.util.List<io.orderhooks.core.model.LineItem> lines = new java.util.ArrayList<>(s.lineItems());
            while (lines.size() < io.orderhooks.engine.internal.orders.OrderState.MAX_LINE_ITEMS) {
                lines.add(first.toBuilder().id("l" + (lines.size() + 1)).build());
            }
            return io.orderhooks.engine.internal.store.Mutation.commit(s.withLineItems(lines), null);
        });
        Response r = api.post("/v1/orders/Outgoing/o1/lineitems", shopper, json(Map.of("ID", "one-more", "ProductID", "widget", "Quantity", 1)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("Order.TooManyLineItems");
        assertThat(store.order("o1").orElseThrow().lineItems()).hasSize(io.orderhooks.engine.internal.orders.OrderState.MAX_LINE_ITEMS)
                .noneMatch(l -> l.id().equals("one-more"));
    }

    @Test
    void changingAnotherProductIdOrAQuantityBelowOneIsRefused() {
        ok(api.post("/v1/orders/Outgoing/o1/lineitems", shopper, json(Map.of("ID", "l1", "ProductID", "widget", "Quantity", 2))));
        JsonNode before = snapshot("o1");
        assertThat(api.patch("/v1/orders/Outgoing/o1/lineitems/l1", shopper, json(Map.of("ProductID", "gadget"))).errorCode())
                .isEqualTo("LineItem.CannotChangeProductID");
        assertThat(api.patch("/v1/orders/Outgoing/o1/lineitems/l1", shopper, json(Map.of("Quantity", 0))).errorCode())
                .isEqualTo("LineItem.QuantityMustBePositive");
        assertThat(api.post("/v1/orders/Outgoing/o1/shipmethods", shopper, json(Map.of("ShipMethodSelections",
                List.of(Map.of("ShipEstimateID", "est1"))))).errorCode()).isEqualTo("ValidationFailure");
        assertThat(snapshot("o1")).isEqualTo(before);
    }

    @Test
    void anOversizeBodyIsA413AndAWrongContentTypeA415() {
        JsonNode before = snapshot("o1");
        String huge = "{\"ProductID\":\"widget\",\"Quantity\":1,\"xp\":{\"Note\":\"" + "x".repeat(9000) + "\"}}";
        Response tooLarge = api.post("/v1/orders/Outgoing/o1/lineitems", shopper, huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.errorCode()).isEqualTo("Request.TooLarge");
        Response wrongType = api.send("POST", "/v1/orders/Outgoing/o1/lineitems", shopper, "text/plain",
                json(Map.of("ProductID", "widget", "Quantity", 1)));
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(snapshot("o1")).isEqualTo(before);
    }

    private void expectSubmitRefused(String code) {
        JsonNode before = snapshot("o1");
        Response r = api.post("/v1/orders/Outgoing/o1/submit", shopper, null);
        assertThat(r.status()).as(code).isIn(400, 403);
        assertThat(r.errorCode()).isEqualTo(code);
        assertThat(snapshot("o1")).isEqualTo(before);
    }

    /** The order's worksheet and payments as the seller reads them. */
    private JsonNode snapshot(String orderID) {
        var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        node.set("worksheet", api.get("/v1/orders/Incoming/" + orderID + "/worksheet", admin).body());
        node.set("payments", api.get("/v1/orders/Incoming/" + orderID + "/payments", admin).body());
        return node;
    }
}
