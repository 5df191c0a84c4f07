package io.orderhooks.examples.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.core.model.CheckoutPayload;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.events.testkit.Worksheets;
import io.orderhooks.webhooks.testkit.WebhookPayloads;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The body {@code orderhooks trigger} sends: a realistic payload built with the receivers' test kits
 * ({@link Worksheets}, {@link WebhookPayloads}) or the exact bytes of a file, plus what the answer is checked
 * against (the worksheet of a checkout event).
 *
 * @param event the checkout event, or null for a webhook
 * @param body the exact bytes to sign and send
 * @param worksheet the checkout payload's worksheet, or null for a webhook
 */
record TriggerPayload(CheckoutEventType event, byte[] body, OrderWorksheet worksheet) {

    /** The product lines cycle through these (ID, unit price), so totals look like a real cart. */
    private static final String[][] CATALOG = {{"SHIRT-BLUE-M", "24.00"}, {"MUG-STONE", "12.50"},
        {"SOCKS-3PK", "9.99"}, {"CAP-NAVY", "18.00"}, {"NOTEBOOK-A5", "6.75"}, {"BOTTLE-750", "21.40"}};

    /** A checkout payload for {@code orderID} with {@code lines} lines (quantities 1 to 4). */
    static TriggerPayload checkout(CheckoutEventType event, String orderID, int lines) {
        Worksheets worksheet = Worksheets.order(orderID);
        for (int i = 0; i < lines; i++) {
            String[] product = CATALOG[i % CATALOG.length];
            String id = lines <= CATALOG.length ? product[0] : product[0] + "-" + (i / CATALOG.length + 1);
            worksheet.line(id, 1 + i % 4, new BigDecimal(product[1]).toPlainString());
        }
        CheckoutPayload payload = CheckoutRequests.payload(worksheet.build());
        return new TriggerPayload(event, CheckoutRequests.bytes(payload), payload.orderWorksheet());
    }

    /** The exact bytes of a checkout payload file; its worksheet is read for the answer check. */
    static TriggerPayload checkoutFile(CheckoutEventType event, byte[] body) {
        try {
            CheckoutPayload payload = OrderCloudJson.mapper().readValue(body, CheckoutPayload.class);
            if (payload.orderWorksheet() == null) {
                throw new IllegalArgumentException("the file has no OrderWorksheet");
            }
            return new TriggerPayload(event, body, payload.orderWorksheet());
        } catch (IOException e) {
            throw new IllegalArgumentException("the file is not a checkout payload: " + e.getMessage(), e);
        }
    }

    /**
     * A webhook payload for {@code route} ({@code VERB template}): every route parameter gets a sample value
     * ({@code orderID} → {@code orderID-1}, {@code direction} → {@code Incoming}); a post-webhook also carries a
     * response body with the resource's ID.
     *
     * @throws IllegalArgumentException for a malformed route
     */
    static TriggerPayload webhook(String route, boolean preHook) {
        String[] parts = route.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--route must be 'VERB template', e.g. 'POST v1/orders/{direction}/{orderID}/submit'; was '"
                    + route + "'");
        }
        WebhookPayloads.Builder builder = WebhookPayloads.forRoute(parts[1], parts[0]);
        String lastValue = null;
        for (String name : io.orderhooks.webhooks.RouteTemplate.parse(parts[1]).paramNames()) {
            lastValue = name.equalsIgnoreCase("direction") ? "Incoming" : name + "-1";
            builder.param(name, lastValue);
        }
        ObjectNode resource = JsonNodeFactory.instance.objectNode().put("ID", lastValue == null ? "resource-1" : lastValue)
                .put("Name", "Triggered by orderhooks");
        if (!parts[0].toUpperCase(Locale.ROOT).equals("DELETE")) {
            builder.requestBody(resource);
        }
        if (!preHook) {
            builder.responseBody(resource);
        }
        return new TriggerPayload(null, builder.toBytes(), null);
    }

    /** The exact bytes of a webhook payload file. */
    static TriggerPayload webhookFile(byte[] body) {
        return new TriggerPayload(null, body, null);
    }
}
