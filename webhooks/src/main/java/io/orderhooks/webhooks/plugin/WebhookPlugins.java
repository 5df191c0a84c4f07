package io.orderhooks.webhooks.plugin;

import io.orderhooks.core.model.WebhookRoute;
import io.orderhooks.webhooks.WebhooksDispatcherBuilder;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Pre- and post-webhook plugins found on a class path through {@link ServiceLoader}. Pre- and post-hooks are
 * served by separate dispatchers (one route may have both), so they register separately:
 *
 * <pre>{@code
 * WebhookPlugins found = WebhookPlugins.discover(loader);
 * WebhooksDispatcher pre = found.registerPreInto(WebhooksDispatcher.builder().hashKeys(key)).build();
 * }</pre>
 *
 * Immutable once discovered.
 */
public final class WebhookPlugins {

    private final List<PreWebhookPlugin> pre;
    private final List<PostWebhookPlugin> post;

    private WebhookPlugins(List<PreWebhookPlugin> pre, List<PostWebhookPlugin> post) {
        this.pre = List.copyOf(pre);
        this.post = List.copyOf(post);
    }

    /**
     * The plugins declared in {@code META-INF/services} files visible to {@code loader}, in class-path order.
     *
     * @throws java.util.ServiceConfigurationError if a declared plugin cannot be loaded or instantiated
     */
    public static WebhookPlugins discover(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        return new WebhookPlugins(
                ServiceLoader.load(PreWebhookPlugin.class, loader).stream().map(ServiceLoader.Provider::get).toList(),
                ServiceLoader.load(PostWebhookPlugin.class, loader).stream().map(ServiceLoader.Provider::get).toList());
    }

    /** The plugins given, e.g. in tests or for a runner assembled in code. */
    public static WebhookPlugins of(List<PreWebhookPlugin> pre, List<PostWebhookPlugin> post) {
        return new WebhookPlugins(pre, post);
    }

    public List<PreWebhookPlugin> pre() {
        return pre;
    }

    public List<PostWebhookPlugin> post() {
        return post;
    }

    /** Registers every pre-webhook plugin's routes on {@code builder}; a route claimed twice fails its build. */
    public WebhooksDispatcherBuilder registerPreInto(WebhooksDispatcherBuilder builder) {
        Objects.requireNonNull(builder, "builder");
        pre.forEach(plugin -> plugin.registerInto(builder));
        return builder;
    }

    /** Registers every post-webhook plugin's routes on {@code builder}; a route claimed twice fails its build. */
    public WebhooksDispatcherBuilder registerPostInto(WebhooksDispatcherBuilder builder) {
        Objects.requireNonNull(builder, "builder");
        post.forEach(plugin -> plugin.registerInto(builder));
        return builder;
    }

    static List<WebhookRoute> requireRoutes(String plugin, List<WebhookRoute> routes) {
        if (routes == null || routes.isEmpty()) {
            throw new IllegalArgumentException("webhook plugin " + plugin + " declares no routes");
        }
        for (WebhookRoute route : routes) {
            if (route == null || route.route() == null || route.verb() == null) {
                throw new IllegalArgumentException("webhook plugin " + plugin + " declares a route without Route and Verb: " + route);
            }
        }
        return routes;
    }
}
