package io.orderhooks.examples.app;

import io.javalin.Javalin;
import io.orderhooks.core.observe.Observer;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.IntegrationEventsDispatcherBuilder;
import io.orderhooks.events.IntegrationEventsPlugin;
import io.orderhooks.events.plugin.Plugins;
import io.orderhooks.javalin.HealthProbes;
import io.orderhooks.javalin.JavalinMount;
import io.orderhooks.micrometer.PrometheusMetrics;
import io.orderhooks.middleware.postgres.MiddlewareState;
import io.orderhooks.webhooks.WebhooksDispatcher;
import io.orderhooks.webhooks.WebhooksDispatcherBuilder;
import io.orderhooks.webhooks.WebhooksPlugin;
import io.orderhooks.webhooks.plugin.WebhookPlugins;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A middleware made of whatever plugins a class loader declares through {@link java.util.ServiceLoader}:
 * checkout plugins ({@link Plugins}) under {@value MerchantMiddleware#INTEGRATION_PATH}, pre-webhook plugins
 * under {@value MerchantMiddleware#PRE_WEBHOOKS_PATH} and post-webhook plugins under
 * {@value MerchantMiddleware#POST_WEBHOOKS_PATH}, each with its {@code /health}; plus the probes {@code /health}
 * and {@code /ready} ({@link HealthProbes}). A part with no plugin is not mounted. {@link #close()} stops the server, then the dispatchers. Thread-safe.
 */
public final class PluginMiddleware implements AutoCloseable {

    /** The plugins found by one discovery. */
    public record Found(Plugins checkout, WebhookPlugins webhooks) {

        /** Discovers every kind of plugin visible to {@code loader}. */
        public static Found in(ClassLoader loader) {
            return new Found(Plugins.discover(loader), WebhookPlugins.discover(loader));
        }

        public boolean isEmpty() {
            return checkout.isEmpty() && webhooks.pre().isEmpty() && webhooks.post().isEmpty();
        }
    }

    private final IntegrationEventsDispatcher events;
    private final WebhooksDispatcher preHooks;
    private final WebhooksDispatcher postHooks;
    private final Javalin app;
    private final PrometheusMetrics metrics;
    private final MiddlewareState state;

    private PluginMiddleware(Found found, List<String> hashKeys, List<String> webhookHashKeys, boolean withMetrics,
            MiddlewareState state) {
        this.state = state;
        List<AutoCloseable> built = new ArrayList<>();
        this.metrics = withMetrics ? keep(built, PrometheusMetrics.create()) : null;
        Observer observer = metrics != null ? metrics : Observer.NONE;
        try {
            this.events = found.checkout().isEmpty() ? null : keep(built, found.checkout()
                    .registerInto(shared(IntegrationEventsDispatcher.builder().hashKeys(hashKeys.toArray(String[]::new))
                            .observer(observer))).build());
            this.preHooks = found.webhooks().pre().isEmpty() ? null
                    : keep(built, found.webhooks().registerPreInto(webhookBuilder(webhookHashKeys, observer)).build());
            this.postHooks = found.webhooks().post().isEmpty() ? null
                    : keep(built, found.webhooks().registerPostInto(shared(webhookBuilder(webhookHashKeys, observer))).build());
        } catch (RuntimeException e) {
            built.forEach(PluginMiddleware::closeQuietly);
            throw e;
        }
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            ifPresent(events, d -> cfg.registerPlugin(IntegrationEventsPlugin.at(MerchantMiddleware.INTEGRATION_PATH, d)));
            ifPresent(preHooks, d -> cfg.registerPlugin(WebhooksPlugin.at(MerchantMiddleware.PRE_WEBHOOKS_PATH, d)));
            ifPresent(postHooks, d -> cfg.registerPlugin(WebhooksPlugin.at(MerchantMiddleware.POST_WEBHOOKS_PATH, d)));
            ifPresent(metrics, m -> JavalinMount.mount(cfg.routes, MerchantMiddleware.METRICS_PATH, () -> 0, m));
            HealthProbes probes = HealthProbes.create();
            ifPresent(state, st -> probes.check("state", st::problem));
            cfg.registerPlugin(probes);
        });
    }

    private IntegrationEventsDispatcherBuilder shared(IntegrationEventsDispatcherBuilder builder) {
        return state == null ? builder : builder.sharedState(state);
    }

    private WebhooksDispatcherBuilder shared(WebhooksDispatcherBuilder builder) {
        return state == null ? builder : builder.sharedState(state);
    }

    /**
     * Builds the dispatchers for {@code found} and starts serving on {@code port} (0 for any free one).
     *
     * @throws IllegalArgumentException if nothing was found, or a plugin's route is malformed or claimed twice
     * @throws IllegalStateException if several plugins were found for one checkout event
     */
    public static PluginMiddleware start(Found found, int port, List<String> hashKeys, List<String> webhookHashKeys) {
        return start(found, port, hashKeys, webhookHashKeys, true);
    }

    /** As {@link #start(Found, int, List, List)}; {@code withMetrics} serves Prometheus metrics at {@code /metrics}. */
    public static PluginMiddleware start(Found found, int port, List<String> hashKeys, List<String> webhookHashKeys,
            boolean withMetrics) {
        return start(found, port, hashKeys, webhookHashKeys, withMetrics, null);
    }

    /**
     * As {@link #start(Found, int, List, List, boolean)}, sharing idempotency and the post-webhook queue with
     * other instances through {@code state} (null: in memory), which it closes when closed; {@code /ready}
     * answers 503 while {@code state} is unreachable.
     */
    public static PluginMiddleware start(Found found, int port, List<String> hashKeys, List<String> webhookHashKeys,
            boolean withMetrics, MiddlewareState state) {
        Objects.requireNonNull(found, "found");
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no plugins were found");
        }
        PluginMiddleware middleware = new PluginMiddleware(found, hashKeys, webhookHashKeys, withMetrics, state);
        try {
            middleware.app.start(port);
        } catch (RuntimeException e) {
            middleware.close();
            throw e;
        }
        return middleware;
    }

    /** e.g. {@code http://localhost:8081}. */
    public String baseUrl() {
        return "http://localhost:" + app.port();
    }

    /** e.g. {@code http://localhost:8081/metrics}; null when metrics are off. */
    public String metricsUrl() {
        return metrics == null ? null : baseUrl() + MerchantMiddleware.METRICS_PATH;
    }

    /** What it serves, one line each: {@code POST /integration/ordercalculate} or {@code pre  POST v1/... at /webhooks/pre}. */
    public List<String> servedRoutes() {
        List<String> lines = new ArrayList<>();
        if (events != null) {
            events.events().forEach(e -> lines.add("checkout  POST " + MerchantMiddleware.INTEGRATION_PATH + "/" + e.suffix()));
        }
        describe(preHooks, MerchantMiddleware.PRE_WEBHOOKS_PATH, lines);
        describe(postHooks, MerchantMiddleware.POST_WEBHOOKS_PATH, lines);
        return lines;
    }

    private static void describe(WebhooksDispatcher hooks, String path, List<String> lines) {
        if (hooks != null) {
            hooks.routes().forEach(r -> lines.add("webhook   " + r + " at " + path));
        }
    }

    @Override
    public void close() {
        app.stop();
        for (AutoCloseable dispatcher : new AutoCloseable[] {events, preHooks, postHooks, metrics, state}) {
            if (dispatcher != null) {
                closeQuietly(dispatcher);
            }
        }
    }

    private static WebhooksDispatcherBuilder webhookBuilder(List<String> keys, Observer observer) {
        return WebhooksDispatcher.builder().hashKeys(keys.toArray(String[]::new)).observer(observer);
    }

    private static <T extends AutoCloseable> T keep(List<AutoCloseable> built, T dispatcher) {
        built.add(dispatcher);
        return dispatcher;
    }

    private static <T> void ifPresent(T value, Consumer<T> action) {
        if (value != null) {
            action.accept(value);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing a dispatcher only stops its threads; nothing to report to the caller
        }
    }
}
