package io.orderhooks.examples.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.LineItemSpec;
import io.orderhooks.webhooks.WebhookEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** In-memory marketplace answers for the guard tests; records the order lines were asked for. */
final class FakeLookups implements MarketplaceLookups {

    JsonNode user = JsonNodeFactory.instance.objectNode().put("ID", "kim").put("Username", "kim");
    final List<LineItem> lines = new ArrayList<>();
    final Map<String, BigDecimal> prices = new HashMap<>();
    final List<String> linesAskedFor = new ArrayList<>();

    FakeLookups userEmail(String email) {
        user = JsonNodeFactory.instance.objectNode().put("ID", "kim").put("Username", "kim").put("Email", email);
        return this;
    }

    FakeLookups line(String id, String invitationID, String productID, int quantity, String lineTotal) {
        lines.add(LineItem.builder().id(id).invitationID(invitationID).productID(productID).quantity(quantity)
                .lineTotal(new BigDecimal(lineTotal)).build());
        return this;
    }

    FakeLookups price(String productID, String unitPrice) {
        prices.put(productID, new BigDecimal(unitPrice));
        return this;
    }

    @Override
    public JsonNode currentUser(WebhookEvent event) {
        return user;
    }

    @Override
    public List<LineItem> orderLines(WebhookEvent event, String direction, String orderID) {
        linesAskedFor.add(direction + "/" + orderID);
        return lines;
    }

    @Override
    public List<LineItem> cartLines(WebhookEvent event) {
        linesAskedFor.add("cart");
        return lines;
    }

    @Override
    public BigDecimal unitPrice(WebhookEvent event, String productID, int quantity, List<LineItemSpec> specs) {
        BigDecimal price = prices.get(productID);
        if (price == null) {
            throw new OrderCloudException(404, "NotFound", "Product not found: " + productID);
        }
        return price;
    }
}
