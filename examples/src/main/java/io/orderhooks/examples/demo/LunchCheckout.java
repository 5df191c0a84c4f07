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
 * The checkout half of {@link LunchGroupOrder}: Pat reviews the order, estimates shipping, selects methods,
 * calculates tax, pays and submits; the order is forwarded to the suppliers; at last it is complete. Each step is
 * one or two API calls, narrated with what the middleware answered. Not thread-safe.
 */
final class LunchCheckout {

    private final OrderCloudClient api;
    private final MerchantMiddleware middleware;
    private final String adminToken;
    private final Narrator say;

    LunchCheckout(OrderCloudClient api, MerchantMiddleware middleware, String adminToken, Narrator say) {
        this.api = api;
        this.middleware = middleware;
        this.adminToken = adminToken;
        this.say = say;
    }

    void review(String pat, String orderID) {
        say.step("Pat reviews the order");
        JsonNode order = api.get("v1/orders/Outgoing/" + orderID, pat);
        say.done(order.path("LineItemCount").asInt() + " lines, subtotal " + money(order.path("Subtotal").decimalValue())
                + " (the blocked line was never added)");
    }

    void shipping(String pat, String orderID) {
        say.step("Pat estimates shipping: the engine calls the middleware's /shippingrates over HTTP");
        JsonNode estimates = requireSucceeded(api.post(path(orderID, "estimateshipping"), pat, null)
                .path("ShipEstimateResponse"), "/shippingrates").path("ShipEstimates");
        List<Map<String, String>> selections = new ArrayList<>();
        for (JsonNode estimate : estimates) {
            JsonNode first = estimate.path("ShipMethods").path(0).path("xp");
            List<String> methods = new ArrayList<>();
            estimate.path("ShipMethods").forEach(m -> methods.add(m.path("ID").asText() + " " + money(m.path("Cost").decimalValue())));
            say.done("package " + estimate.path("ID").asText() + " from " + origin(estimate.path("ID").asText()) + ": "
                    + estimate.path("ShipEstimateItems").size() + " lines, zone " + first.path("Zone").asInt() + ", "
                    + first.path("BillableWeight").asText() + " lb -> " + String.join(", ", methods));
            selections.add(Map.of("ShipEstimateID", estimate.path("ID").asText(), "ShipMethodID", LunchGroupOrder.METHOD));
        }
        JsonNode selected = api.post(path(orderID, "shipmethods"), pat, Map.of("ShipMethodSelections", selections));
        say.done("selects " + LunchGroupOrder.METHOD + " for every package: shipping "
                + money(selected.path("Order").path("ShippingCost").decimalValue()));
    }

    void tax(String pat, String orderID) {
        say.step("Pat calculates tax: the engine calls the middleware's /ordercalculate");
        JsonNode worksheet = api.post(path(orderID, "calculate"), pat, null);
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

    void pay(String pat, String orderID) {
        say.step("Pat pays by purchase order; the marketplace accepts the payment");
        JsonNode total = api.get("v1/orders/Outgoing/" + orderID, pat).path("Total");
        JsonNode payment = api.post(path(orderID, "payments"), pat, Map.of("Type", "PurchaseOrder", "Amount",
                total.decimalValue(), "Description", "PO ACME-LUNCH", "xp", Map.of("PONumber", "ACME-LUNCH")));
        say.done("POST .../payments: PurchaseOrder " + money(payment.path("Amount").decimalValue()));
        api.patch("v1/orders/Incoming/" + orderID + "/payments/" + payment.path("ID").asText(), adminToken,
                Map.of("Accepted", true));
        say.done("the seller (admin) sets Accepted = true");
    }

    /** Submits; returns the export ID the middleware's /ordersubmit answered. */
    String submit(String pat, String orderID) {
        say.step("Pat submits: the engine calls the middleware's /ordersubmit, which exports the order");
        JsonNode order = api.post(path(orderID, "submit"), pat, null);
        JsonNode response = requireSucceeded(api.get(path(orderID, "worksheet"), pat).path("OrderSubmitResponse"), "/ordersubmit");
        String exportID = response.path("xp").path("ExportID").asText();
        say.done("order " + orderID + " is " + order.path("Status").asText() + "; OrderSubmitResponse.xp.ExportID = " + exportID);
        say.done("exported to " + middleware.plugins().exporter().documentOf(orderID));
        return exportID;
    }

    /** The supplier orders the engine created on submit for the {@code AutoForward} products. */
    List<String> forwarded(String orderID) {
        say.step("The engine forwards the order to the suppliers (every product has AutoForward)");
        List<String> ids = new ArrayList<>();
        for (JsonNode o : api.listAll("v1/orders/Outgoing", adminToken)) {
            if (o.path("ID").asText().startsWith(orderID + "-")) {
                ids.add(o.path("ID").asText());
                say.done(o.path("ID").asText() + " to " + o.path("ToCompanyID").asText() + ": " + o.path("LineItemCount").asInt()
                        + " lines, " + money(o.path("Subtotal").decimalValue()) + ", " + o.path("Status").asText());
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
        JsonNode order = api.get("v1/orders/Outgoing/" + orderID, pat);
        int shipments = api.listAll(path(orderID, "shipments"), pat).size();
        say.done("order " + orderID + ": " + order.path("Status").asText() + " (DateCompleted "
                + order.path("DateCompleted").asText() + "); Pat sees " + shipments + " shipments");
    }

    private static String path(String orderID, String action) {
        return "v1/orders/Outgoing/" + orderID + "/" + action;
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
