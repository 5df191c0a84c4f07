package io.orderhooks.webhooks.plugin;

import io.orderhooks.core.model.WebhookRoute;
import io.orderhooks.webhooks.PostWebhookHandler;
import io.orderhooks.webhooks.WebhooksDispatcherBuilder;
import java.util.List;

/**
 * A post-webhook handler that knows its routes, so a runner can host it without code: plugin jars declare
 * implementations in {@code META-INF/services/io.orderhooks.webhooks.plugin.PostWebhookPlugin} (public
 * no-argument constructor) to be found by {@link WebhookPlugins#discover}. Implementations must be
 * thread-safe; {@link #after} is called for every route in {@link #routes()}, at most once per {@code LogID}.
 */
public interface PostWebhookPlugin extends PostWebhookHandler {

    /** The routes it follows, e.g. {@code new WebhookRoute("v1/orders/{direction}/{orderID}/submit", "POST")}; not empty. */
    List<WebhookRoute> routes();

    /** The name it is reported by; the simple class name unless overridden. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * Registers this handler on {@code builder} for each of its routes.
     *
     * @throws IllegalArgumentException if it has no route, or a route's verb or template is refused by the builder
     */
    default WebhooksDispatcherBuilder registerInto(WebhooksDispatcherBuilder builder) {
        for (WebhookRoute route : WebhookPlugins.requireRoutes(name(), routes())) {
            builder.postHook(route.verb(), route.route(), this);
        }
        return builder;
    }
}
