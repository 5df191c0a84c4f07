package com.example.shop;

import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.PreWebhookResponse;
import io.orderhooks.core.model.WebhookRoute;
import io.orderhooks.webhooks.PreWebhookHandler;
import io.orderhooks.webhooks.WebhookEvent;
import io.orderhooks.webhooks.WebhooksDispatcherBuilder;
import java.util.List;

/**
 * A pre-webhook keeping bulk orders with the sales team: adding a line item, or changing one's quantity, above the
 * limit is refused before OrderCloud applies it, with the message {@code Orders of more than 50 of one product go
 * through our sales team (asked for 80 x kombucha-6pk)}. The limit is the webhook's {@code ConfigData.MaxQuantity},
 * else {@link #DEFAULT_MAX_QUANTITY}. A change that does not set {@code Quantity} goes ahead. Thread-safe.
 */
public final class BulkQuantityGuard implements PreWebhookHandler {

    /** The limit when the webhook's {@code ConfigData} names none. */
    public static final int DEFAULT_MAX_QUANTITY = 50;

    /** A buyer order's line items, as OrderCloud names the route in a webhook payload. */
    public static final String ORDER_LINES = "v1/orders/{direction}/{orderID}/lineitems";

    /** The routes to subscribe this guard to, as a pre-webhook ({@code BeforeProcessRequest: true}). */
    public static final List<WebhookRoute> ROUTES = List.of(
            new WebhookRoute(ORDER_LINES, "POST"),
            new WebhookRoute(ORDER_LINES + "/{lineItemID}", "PATCH"));

    /** The webhook's {@code ConfigData} (PascalCase on the wire: {@code {"MaxQuantity": 100}}). */
    public record Config(Integer maxQuantity) {
    }

    /** Registers this guard on {@code preHooks} for every route of {@link #ROUTES}. */
    public WebhooksDispatcherBuilder registerInto(WebhooksDispatcherBuilder preHooks) {
        ROUTES.forEach(route -> preHooks.preHook(route.verb(), route.route(), this));
        return preHooks;
    }

    @Override
    public PreWebhookResponse before(WebhookEvent event) {
        LineItem line = event.body(LineItem.class);
        if (line == null || line.quantity() == null) {
            return PreWebhookResponse.proceed();
        }
        int max = maxQuantity(event.configData(Config.class));
        if (line.quantity() <= max) {
            return PreWebhookResponse.proceed();
        }
        String product = line.productID() != null ? line.productID() : "line " + event.routeParams().get("lineItemID");
        return PreWebhookResponse.block("Orders of more than " + max + " of one product go through our sales team"
                + " (asked for " + line.quantity() + " x " + product + ")");
    }

    private static int maxQuantity(Config config) {
        return config != null && config.maxQuantity() != null ? config.maxQuantity() : DEFAULT_MAX_QUANTITY;
    }
}
