package io.orderhooks.examples.app;

import io.javalin.Javalin;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.IntegrationEventsDispatcherBuilder;
import io.orderhooks.events.IntegrationEventsPlugin;
import io.orderhooks.core.observe.Observer;
import io.orderhooks.javalin.JavalinMount;
import io.orderhooks.micrometer.PrometheusMetrics;
import io.orderhooks.examples.merchant.ApiLookups;
import io.orderhooks.examples.merchant.GroupOrderSpendingCap;
import io.orderhooks.examples.merchant.InvitationDirectory;
import io.orderhooks.examples.merchant.InvitationGuard;
import io.orderhooks.examples.merchant.MarketplaceLookups;
import io.orderhooks.examples.merchant.MerchantPlugins;
import io.orderhooks.javalin.HealthProbes;
import io.orderhooks.middleware.postgres.MiddlewareState;
import io.orderhooks.webhooks.WebhooksDispatcher;
import io.orderhooks.webhooks.WebhooksDispatcherBuilder;
import io.orderhooks.webhooks.WebhooksPlugin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The example merchant's middleware on one Javalin server: the checkout integration events (tax, shipping,
 * outbox export) under {@value #INTEGRATION_PATH}, the two pre-webhook guards under {@value #PRE_WEBHOOKS_PATH}
 * and the post-webhooks that feed their {@link InvitationDirectory} under {@value #POST_WEBHOOKS_PATH}; and
 * {@code /health} (liveness) and {@code /ready} (readiness: the shared state database, if any) for load balancers.
 *
 * <p>Register {@link #integrationUrl()} as an integration event's {@code CustomImplementationUrl}, and the two
 * webhook URLs as webhooks (routes in {@link InvitationGuard#ROUTE}, {@link GroupOrderSpendingCap#ROUTES} and
 * {@link InvitationDirectory#ROUTES}). Unless {@link Settings#metrics()} is off, {@value #METRICS_PATH} serves the
 * dispatchers' and the JVM's metrics in Prometheus format ({@code docs/OPERATIONS-METRICS.md}).
 * {@link #close()} stops the server, then the dispatchers. Thread-safe.
 */
public final class MerchantMiddleware implements AutoCloseable {

    public static final String INTEGRATION_PATH = "/integration";
    public static final String PRE_WEBHOOKS_PATH = "/webhooks/pre";
    public static final String POST_WEBHOOKS_PATH = "/webhooks/post";
    /** Prometheus metrics of the three dispatchers and the JVM, unless turned off. */
    public static final String METRICS_PATH = "/metrics";

    /**
     * How to run it.
     *
     * @param port the port, 0 for any free one
     * @param hashKeys the integration event's {@code HashKey} first, older ones during a rotation
     * @param webhookHashKeys the webhooks' {@code HashKey}s, same order
     * @param outbox where submitted orders are exported
     * @param apiUrl the marketplace API the guards call back with the webhook's {@code UserToken} when
     *     {@code ConfigData.ApiBaseUrl} is absent; null to require it in {@code ConfigData}
     * @param metrics whether to serve Prometheus metrics at {@value MerchantMiddleware#METRICS_PATH}
     */
    public record Settings(int port, List<String> hashKeys, List<String> webhookHashKeys, Path outbox, String apiUrl,
            Clock clock, boolean metrics) {

        /** Settings with metrics served. */
        public Settings(int port, List<String> hashKeys, List<String> webhookHashKeys, Path outbox, String apiUrl,
                Clock clock) {
            this(port, hashKeys, webhookHashKeys, outbox, apiUrl, clock, true);
        }

        public Settings {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
            }
            hashKeys = requireKeys(hashKeys, "hashKeys");
            webhookHashKeys = requireKeys(webhookHashKeys, "webhookHashKeys");
            Objects.requireNonNull(outbox, "outbox");
            Objects.requireNonNull(clock, "clock");
        }

        private static List<String> requireKeys(List<String> keys, String name) {
            if (keys == null || keys.isEmpty() || keys.stream().anyMatch(k -> k == null || k.isBlank())) {
                throw new IllegalArgumentException(name + " must hold at least one key and no blank one");
            }
            return List.copyOf(keys);
        }
    }

    private final MerchantPlugins plugins;
    private final InvitationDirectory directory = new InvitationDirectory();
    private final IntegrationEventsDispatcher events;
    private final WebhooksDispatcher preHooks;
    private final WebhooksDispatcher postHooks;
    private final Javalin app;
    private final MiddlewareState state;
    private final PrometheusMetrics metrics;

    private MerchantMiddleware(Settings settings, MiddlewareState state) {
        this.state = state;
        this.metrics = settings.metrics() ? PrometheusMetrics.create() : null;
        Observer observer = metrics != null ? metrics : Observer.NONE;
        this.plugins = MerchantPlugins.demo(settings.outbox(), settings.clock());
        IntegrationEventsDispatcherBuilder eventsBuilder = IntegrationEventsDispatcher.builder()
                .hashKeys(settings.hashKeys().toArray(String[]::new)).observer(observer);
        WebhooksDispatcherBuilder postBuilder = WebhooksDispatcher.builder();
        if (state != null) {
            eventsBuilder.sharedState(state);
            postBuilder.sharedState(state);
        }
        this.events = plugins.registerInto(eventsBuilder).build();
        MarketplaceLookups lookups = new ApiLookups(settings.apiUrl(), settings.clock());
        String[] webhookKeys = settings.webhookHashKeys().toArray(String[]::new);
        WebhooksDispatcherBuilder pre = WebhooksDispatcher.builder().hashKeys(webhookKeys).clock(settings.clock())
                .observer(observer);
        new InvitationGuard(directory, lookups).registerInto(pre);
        new GroupOrderSpendingCap(directory, lookups).registerInto(pre);
        this.preHooks = pre.build();
        this.postHooks = directory.registerInto(postBuilder.hashKeys(webhookKeys).clock(settings.clock())
                .observer(observer)).build();
        HealthProbes probes = HealthProbes.create();
        if (state != null) {
            probes.check("state", state::problem);
        }
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.registerPlugin(IntegrationEventsPlugin.at(INTEGRATION_PATH, events));
            cfg.registerPlugin(WebhooksPlugin.at(PRE_WEBHOOKS_PATH, preHooks));
            cfg.registerPlugin(WebhooksPlugin.at(POST_WEBHOOKS_PATH, postHooks));
            cfg.registerPlugin(probes);
            if (metrics != null) {
                JavalinMount.mount(cfg.routes, METRICS_PATH, () -> 0, metrics);
            }
        });
    }

    /** Starts the middleware with its state in memory; it serves until {@link #close()}. */
    public static MerchantMiddleware start(Settings settings) {
        return start(settings, null);
    }

    /**
     * Starts the middleware sharing submit answers and post-webhook {@code LogID}s with every instance on
     * {@code state} (null: in memory), which {@code /ready} then probes; it serves until {@link #close()},
     * which closes {@code state} too.
     */
    public static MerchantMiddleware start(Settings settings, MiddlewareState state) {
        MerchantMiddleware middleware = new MerchantMiddleware(settings, state);
        try {
            middleware.app.start(settings.port());
        } catch (RuntimeException e) {
            middleware.close();
            throw e;
        }
        return middleware;
    }

    public int port() {
        return app.port();
    }

    /** e.g. {@code http://localhost:8081}. */
    public String baseUrl() {
        return "http://localhost:" + port();
    }

    /** The integration event's {@code CustomImplementationUrl}. */
    public String integrationUrl() {
        return baseUrl() + INTEGRATION_PATH;
    }

    public String preWebhookUrl() {
        return baseUrl() + PRE_WEBHOOKS_PATH;
    }

    public String postWebhookUrl() {
        return baseUrl() + POST_WEBHOOKS_PATH;
    }

    /** e.g. {@code http://localhost:8081/metrics}; null when metrics are off. */
    public String metricsUrl() {
        return metrics == null ? null : baseUrl() + METRICS_PATH;
    }

    /** The metrics served at {@link #metricsUrl()}, or empty when they are off. */
    public java.util.Optional<PrometheusMetrics> metrics() {
        return java.util.Optional.ofNullable(metrics);
    }

    public InvitationDirectory directory() {
        return directory;
    }

    public MerchantPlugins plugins() {
        return plugins;
    }

    @Override
    public void close() {
        app.stop();
        events.close();
        preHooks.close();
        postHooks.close();
        if (metrics != null) {
            metrics.close();
        }
        if (state != null) {
            state.close();
        }
    }
}
