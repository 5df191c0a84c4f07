package io.orderhooks.examples.merchant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.catalog.Pricing;
import io.orderhooks.engine.internal.catalog.SpecChoice;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.LineItemSpec;
import io.orderhooks.core.model.PriceSchedule;
import io.orderhooks.examples.client.OrderCloudClient;
import io.orderhooks.webhooks.WebhookEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link MarketplaceLookups} over an OrderCloud-compatible API with the webhook's {@code UserToken}.
 *
 * <p>The API's base URL is the webhook's {@code ConfigData.ApiBaseUrl} when set (so one middleware can serve
 * several marketplaces), else the one given here (e.g. {@code https://sandboxapi.ordercloud.io}). A unit price
 * is the price break for the quantity (the sale price inside the sale window) plus the chosen spec options'
 * markups, computed by the engine's own {@link Pricing} from {@code GET v1/me/products/{id}} and
 * {@code GET v1/me/products/{id}/specs}. Cumulative-quantity schedules are priced on the line's own quantity.
 * Thread-safe.
 */
public final class ApiLookups implements MarketplaceLookups {

    private final String defaultBaseUrl;
    private final Clock clock;
    private final Map<String, OrderCloudClient> clients = new ConcurrentHashMap<>();

    /** @param defaultBaseUrl the API when {@code ConfigData.ApiBaseUrl} is absent; null to require it */
    public ApiLookups(String defaultBaseUrl, Clock clock) {
        this.defaultBaseUrl = defaultBaseUrl;
        this.clock = Objects.requireNonNull(clock, "clock");
        if (defaultBaseUrl != null) {
            client(defaultBaseUrl);
        }
    }

    @Override
    public JsonNode currentUser(WebhookEvent event) {
        return api(event).get("v1/me", token(event));
    }

    @Override
    public List<LineItem> orderLines(WebhookEvent event, String direction, String orderID) {
        return lines(event, "v1/orders/" + OrderCloudClient.encode(direction) + "/" + OrderCloudClient.encode(orderID)
                + "/lineitems");
    }

    @Override
    public List<LineItem> cartLines(WebhookEvent event) {
        return lines(event, "v1/cart/lineitems");
    }

    private List<LineItem> lines(WebhookEvent event, String path) {
        List<LineItem> lines = new ArrayList<>();
        for (JsonNode line : api(event).listAll(path, token(event))) {
            lines.add(read(line, LineItem.class));
        }
        return lines;
    }

    @Override
    public BigDecimal unitPrice(WebhookEvent event, String productID, int quantity, List<LineItemSpec> specs) {
        String path = "v1/me/products/" + OrderCloudClient.encode(productID);
        JsonNode product = api(event).get(path, token(event));
        PriceSchedule schedule = read(product.path("PriceSchedule"), PriceSchedule.class);
        if (schedule == null) {
            throw new OrderCloudException(400, "PriceSchedule.MissingOrConflicting", "Product " + productID + " has no price");
        }
        List<SpecChoice> choices = new ArrayList<>();
        if (specs != null && specs.stream().anyMatch(s -> s.optionID() != null)) {
            JsonNode defined = api(event).listAll(path + "/specs", token(event));
            for (LineItemSpec chosen : specs) {
                choices.add(choice(defined, chosen));
            }
        }
        return Pricing.price(schedule, quantity, quantity, choices, clock.instant()).unitPrice();
    }

    private static SpecChoice choice(JsonNode defined, LineItemSpec chosen) {
        for (JsonNode spec : defined) {
            if (!spec.path("ID").asText().equalsIgnoreCase(String.valueOf(chosen.specID()))) {
                continue;
            }
            for (JsonNode option : spec.path("Options")) {
                if (option.path("ID").asText().equalsIgnoreCase(String.valueOf(chosen.optionID()))) {
                    BigDecimal markup = option.path("PriceMarkup").isNumber() ? option.path("PriceMarkup").decimalValue() : null;
                    return new SpecChoice(chosen.specID(), spec.path("Name").asText(null), chosen.optionID(),
                            option.path("Value").asText(null), option.path("PriceMarkupType").asText(null), markup);
                }
            }
        }
        return new SpecChoice(chosen.specID(), chosen.name(), chosen.optionID(), chosen.value(), null, null);
    }

    private OrderCloudClient api(WebhookEvent event) {
        JsonNode configured = event.configDataJson().path("ApiBaseUrl");
        String base = configured.isTextual() && !configured.asText().isBlank() ? configured.asText() : defaultBaseUrl;
        if (base == null) {
            throw new OrderCloudException(500, "Webhook.MissingApiBaseUrl",
                    "The webhook's ConfigData has no ApiBaseUrl and the middleware was started without an API URL");
        }
        return client(base);
    }

    private OrderCloudClient client(String base) {
        return clients.computeIfAbsent(base, OrderCloudClient::new);
    }

    private static String token(WebhookEvent event) {
        String token = event.payload().userToken();
        if (token == null || token.isBlank()) {
            throw new OrderCloudException(401, "Webhook.MissingUserToken", "The webhook payload carries no UserToken");
        }
        return token;
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return OrderCloudJson.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new OrderCloudException(502, "Api.InvalidResponse", "The API answered a " + type.getSimpleName()
                    + " that cannot be read: " + e.getOriginalMessage());
        }
    }
}
