package io.orderhooks.webhooks.plugin;

import io.orderhooks.core.model.WebhookRoute;
import io.orderhooks.webhooks.PreHookPolicy;
import io.orderhooks.webhooks.PreWebhookHandler;
import io.orderhooks.webhooks.WebhooksDispatcherBuilder;
import java.util.List;

/**
 * A pre-webhook handler that knows its routes, so a runner can host it without code: plugin jars declare
 * implementations in {@code META-INF/services/io.orderhooks.webhooks.plugin.PreWebhookPlugin} (public
 * no-argument constructor) to be found by {@link WebhookPlugins#discover}. Implementations must be
 * thread-safe; {@link #before} is called for every route in {@link #routes()}.
 */
public interface PreWebhookPlugin extends PreWebhookHandler {

    /** The routes this handler guards, e.g. {@code new WebhookRoute("v1/cart/lineitems", "POST")}; not empty. */
    List<WebhookRoute> routes();

    /** Its time limit and failure policy; null (the default) for the dispatcher's default pre-hook policy. */
    default PreHookPolicy policy() {
        return null;
    }

    /** The name it is reported by; the simple class name unless overridden. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * Registers this handler on {@code builder} for each of its routes, with its {@link #policy()}.
     *
     * @throws IllegalArgumentException if it has no route, or a route's verb or template is refused by the builder
     */
    default WebhooksDispatcherBuilder registerInto(WebhooksDispatcherBuilder builder) {
        for (WebhookRoute route : WebhookPlugins.requireRoutes(name(), routes())) {
            if (policy() == null) {
                builder.preHook(route.verb(), route.route(), this);
            } else {
                builder.preHook(route.verb(), route.route(), policy(), this);
            }
        }
        return builder;
    }
}
