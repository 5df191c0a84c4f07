package io.orderhooks.examples.demo;

import static io.orderhooks.examples.demo.Narrator.money;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.examples.app.MerchantMiddleware;
import io.orderhooks.examples.client.OrderCloudClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkout steps the stories share, each one or two API calls narrated with what the middleware answered: a
 * shopper estimates shipping, selects methods, calculates tax, pays and submits an order (through
 * {@code v1/orders/Outgoing/{id}} or {@code v1/cart}, the {@code base}); the order is forwarded to the suppliers;
 * at last it is complete. Not thread-safe.
 */
final class Checkout {

    private final OrderCloudClient api;
    private final MerchantMiddleware middleware;
    private final String adminToken;
    private final Narrator say;

    Checkout(OrderCloudClient api, MerchantMiddleware middleware, String adminToken, Narrator say) {
        this.api = api;
        this.middleware = middleware;
        this.adminToken = adminToken;
        this.say = say;
    }

    void review(String pat, String orderID) {
        say.step("Pat reviews the order");
        JsonNode order = api.get(order(orderID), pat);
        say.done(lines(order.path("LineItemCount").asInt()) + ", subtotal " + money(order.path("Subtotal").decimalValue())
                + " (the blocked line was never added)");
    }

    /** The API path of an order's actions as the owner's {@code Outgoing} order. */
    static String order(String orderID) {
        return "v1/orders/Outgoing/" + orderID;
    }

    void shipping(String who, String token, String base) {
        say.step(who + " estimates shipping: the engine calls the middleware's /shippingrates over HTTP");
        JsonNode estimates = requireSucceeded(api.post(base + "/estimateshipping", token, null)
                .path("ShipEstimateResponse"), "/shippingrates").path("ShipEstimates");
        List<Map<String, String>> selections = new ArrayList<>();
        for (JsonNode estimate : estimates) {
            JsonNode first = estimate.path("ShipMethods").path(0).path("xp");
            List<String> methods = new ArrayList<>();
            estimate.path("ShipMethods").forEach(m -> methods.add(m.path("ID").asText() + " " + money(m.path("Cost").decimalValue())));
            say.done("package " + estimate.path("ID").asText() + " from " + origin(estimate.path("ID").asText()) + ": "
                    + lines(estimate.path("ShipEstimateItems").size()) + ", zone " + first.path("Zone").asInt() + ", "
                    + first.path("BillableWeight").asText() + " lb -> " + String.join(", ", methods));
            selections.add(Map.of("ShipEstimateID", estimate.path("ID").asText(), "ShipMethodID", LunchGroupOrder.METHOD));
        }
        JsonNode selected = api.post(base + "/shipmethods", token, Map.of("ShipMethodSelections", selections));
        say.done("selects " + LunchGroupOrder.METHOD + " for every package: shipping "
                + money(selected.path("Order").path("ShippingCost").decimalValue()));
    }

    void tax(String who, String token, String base) {
        say.step(who + " calculates tax: the engine calls the middleware's /ordercalculate");
        JsonNode worksheet = api.post(base + "/calculate", token, null);
        JsonNode detail = requireSucceeded(worksheet.path("OrderCalculateResponse"), "/ordercalculate").path("xp").path("Tax");
        Map<String, String> products = new HashMap<>();
        worksheet.path("LineItems").forEach(l -> products.put(l.path("ID").asText(), l.path("Product").path("Name").asText()));
        for (JsonNode line : detail.path("Lines")) {
            say.done(products.get(line.path("LineItemID").asText()) + ": " + line.path("Category").asText() + " in "
                    + line.path("Region").asText() + " at " + line.path("RatePercent").asText() + "% -> "
                    + money(line.path("Tax").decimalValue()));
        }
        for (JsonNode shipping : detail.path("Shipping")) {
            say.done("shipping " + money(shipping.path("Cost").decimalValue()) + " in " + shipping.path("Region").asText()
                    + " at " + shipping.path("RatePercent").asText() + "% -> " + money(shipping.path("Tax").decimalValue()));
        }
        JsonNode order = worksheet.path("Order");
        say.done("tax " + money(order.path("TaxCost").decimalValue()) + "; total " + money(order.path("Total").decimalValue()));
    }

    void pay(String who, String token, String base, String poNumber) {
        say.step(who + " pays by purchase order; the marketplace accepts the payment");
        JsonNode order = api.get(base, token);
        String orderID = order.path("ID").asText();
        JsonNode payment = api.post(base + "/payments", token, Map.of("Type", "PurchaseOrder", "Amount",
                order.path("Total").decimalValue(), "Description", "PO " + poNumber, "xp", Map.of("PONumber", poNumber)));
        say.done("POST .../payments: PurchaseOrder " + money(payment.path("Amount").decimalValue()));
        api.patch("v1/orders/Incoming/" + orderID + "/payments/" + payment.path("ID").asText(), adminToken,
                Map.of("Accepted", true));
        say.done("the seller (admin) sets Accepted = true");
    }

    /** A submitted order and the export ID the middleware's /ordersubmit answered. */
    record Submitted(JsonNode order, String exportID) {}

    Submitted submit(String who, String token, String base) {
        say.step(who + " submits: the engine calls the middleware's /ordersubmit, which exports the order");
        JsonNode order = api.post(base + "/submit", token, null);
        String orderID = order.path("ID").asText();
        JsonNode response = requireSucceeded(api.get(order(orderID) + "/worksheet", token).path("OrderSubmitResponse"),
                "/ordersubmit");
        String exportID = response.path("xp").path("ExportID").asText();
        say.done("order " + orderID + " is " + order.path("Status").asText() + "; OrderSubmitResponse.xp.ExportID = " + exportID);
        say.done("exported to " + middleware.plugins().exporter().documentOf(orderID));
        return new Submitted(order, exportID);
    }

    /** The supplier orders the engine created on submit for the {@code AutoForward} products. */
    List<String> forwarded(String orderID) {
        say.step("The engine forwards the order to the suppliers (every product has AutoForward)");
        List<String> ids = new ArrayList<>();
        for (JsonNode o : api.listAll("v1/orders/Outgoing", adminToken)) {
            if (o.path("ID").asText().startsWith(orderID + "-")) {
                ids.add(o.path("ID").asText());
                say.done(o.path("ID").asText() + " to " + o.path("ToCompanyID").asText() + ": " + lines(o.path("LineItemCount").asInt())
                        + ", " + money(o.path("Subtotal").decimalValue()) + ", " + o.path("Status").asText());
            }
        }
        return ids;
    }

    /** Forwards explicitly (when nothing was forwarded automatically). */
    List<String> forward(String orderID) {
        say.line("nothing was forwarded automatically; the seller forwards it (POST v1/orders/Incoming/" + orderID + "/forward)");
        List<String> ids = new ArrayList<>();
        for (JsonNode o : api.post("v1/orders/Incoming/" + orderID + "/forward", adminToken, null).path("OutgoingOrders")) {
            ids.add(o.path("ID").asText());
            say.done(o.path("ID").asText() + " to " + o.path("ToCompanyID").asText() + ": " + o.path("Status").asText());
        }
        return ids;
    }

    void completed(String pat, String orderID) {
        say.step("Every line has shipped, so the buyer order completes by itself");
        JsonNode order = api.get(order(orderID), pat);
        int shipments = api.listAll(order(orderID) + "/shipments", pat).size();
        say.done("order " + orderID + ": " + order.path("Status").asText() + " (DateCompleted "
                + order.path("DateCompleted").asText() + "); Pat sees " + shipments + " shipments");
    }

    /** {@code 1 line}, {@code 3 lines}. */
    static String lines(int n) {
        return n + (n == 1 ? " line" : " lines");
    }

    private static String origin(String estimateID) {
        return DemoCatalog.SUPPLIERS.stream().filter(s -> s.shipFrom().id().equals(estimateID)).findFirst()
                .map(s -> s.name() + ", " + s.shipFrom().city() + " " + s.shipFrom().state()).orElse(estimateID);
    }

    /** The integration response, or an exception naming the event and what the middleware answered. */
    private static JsonNode requireSucceeded(JsonNode response, String event) {
        if (!response.path("Succeeded").asBoolean(false)) {
            throw new IllegalStateException(event + " did not succeed (HTTP " + response.path("HttpStatusCode").asText()
                    + "): " + response.path("UnhandledErrorBody").asText());
        }
        return response;
    }
}
