package io.orderhooks.examples.cli;

import io.orderhooks.examples.app.MerchantMiddleware;
import io.orderhooks.middleware.postgres.MiddlewareState;
import io.orderhooks.examples.app.PluginMiddleware;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code middleware}: runs the plugins on its class path and in {@code --plugins DIR} (see docs/MIDDLEWARE.md),
 * or with {@code --demo-merchant} the example merchant's middleware.
 */
@Command(name = "middleware", mixinStandardHelpOptions = true,
        description = {"Runs middleware made of the plugins it finds through ServiceLoader: TaxCalculator,",
                "ShippingRateProvider, the checkout handlers (ShippingRatesHandler, OrderCalculateHandler,",
                "OrderSubmitHandler, OrderSubmitForApprovalHandler, OrderApprovedHandler) under /integration, and",
                "PreWebhookPlugin / PostWebhookPlugin under /webhooks/pre and /webhooks/post. Plugins come from the",
                "class path and from every jar in --plugins DIR. It prints the routes it serves; with no plugin it",
                "exits with code 2. --demo-merchant runs the example merchant instead (tax, shipping, export, guards).",
                "Exit codes: 0 stopped, 1 a plugin could not be loaded or started, 2 bad usage or no plugins."})
public final class MiddlewareCommand implements Callable<Integer> {

    /** Why the middleware did not start: an exit code and one line for the user. */
    static final class Failure extends Exception {
        final int exitCode;

        Failure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "${env:PORT:-8081}", description = "Port (env PORT; default ${DEFAULT-VALUE}; 0 = any).")
    int port;

    @Option(names = "--hash-key", split = ",", defaultValue = "${env:ORDERHOOKS_HASH_KEY}",
            description = "The integration event's HashKey; several, comma-separated, during a rotation (env ORDERHOOKS_HASH_KEY). Required.")
    List<String> hashKeys;

    @Option(names = "--webhook-hash-key", split = ",", defaultValue = "${env:ORDERHOOKS_WEBHOOK_HASH_KEY}",
            description = "The webhooks' HashKey (env ORDERHOOKS_WEBHOOK_HASH_KEY; default: the integration event's).")
    List<String> webhookHashKeys;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Folder of plugin jars: every *.jar in it is loaded (ServiceLoader) next to the class path.")
    Path pluginsDir;

    @Option(names = "--demo-merchant",
            description = "Run the example merchant's middleware (tax, shipping, outbox export, invitation guards) instead of plugins.")
    boolean demoMerchant;

    @Option(names = "--outbox", defaultValue = "${env:ORDERHOOKS_OUTBOX:-outbox}",
            description = "With --demo-merchant: folder for exported orders (env ORDERHOOKS_OUTBOX; default ${DEFAULT-VALUE}).")
    Path outbox;

    @Option(names = "--api-url", defaultValue = "${env:ORDERHOOKS_API_URL}",
            description = "With --demo-merchant: marketplace API the webhook guards call back, unless the webhook's ConfigData.ApiBaseUrl says (env ORDERHOOKS_API_URL).")
    String apiUrl;

    @Option(names = "--state", defaultValue = "${env:ORDERHOOKS_STATE}",
            description = "Share state with other instances behind one load balancer: postgresql://user:password@host:port/database (env ORDERHOOKS_STATE; default: in memory, one instance). See docs/SCALING.md.")
    String state;

    /** The shared state the options describe, connected and migrated; null for in memory. */
    MiddlewareState sharedState() {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return MiddlewareState.postgresql(state);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--state: " + e.getMessage());
        }
    }

    @Option(names = "--no-metrics", description = "Do not serve Prometheus metrics at /metrics.")
    boolean noMetrics;

    private List<String> requireHashKeys() {
        if (hashKeys == null || hashKeys.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing the hash key: pass --hash-key or set ORDERHOOKS_HASH_KEY");
        }
        if (hashKeys.stream().anyMatch(String::isBlank)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--hash-key must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535, was " + port);
        }
        return hashKeys;
    }

    private List<String> webhookKeys() {
        return webhookHashKeys == null || webhookHashKeys.isEmpty() ? hashKeys : webhookHashKeys;
    }

    /** The example merchant's settings the options describe. */
    MerchantMiddleware.Settings settings() {
        List<String> keys = requireHashKeys();
        try {
            return new MerchantMiddleware.Settings(port, keys, webhookKeys(), outbox, apiUrl, Clock.systemUTC(),
                    !noMetrics);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * Starts what the options ask for and prints what to register.
     *
     * @throws Failure with exit code 2 when no plugin is found, 1 when plugins cannot be loaded or started
     */
    AutoCloseable start() throws Failure {
        if (demoMerchant && pluginsDir != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--plugins and --demo-merchant cannot be combined");
        }
        return demoMerchant ? startDemoMerchant() : startPlugins();
    }

    private MerchantMiddleware startDemoMerchant() {
        MerchantMiddleware middleware = MerchantMiddleware.start(settings(), sharedState());
        PrintWriter out = spec.commandLine().getOut();
        out.println("orderhooks middleware (example merchant) listening on " + middleware.baseUrl());
        out.println("  integration event CustomImplementationUrl: " + middleware.integrationUrl());
        out.println("  pre-webhook Url:  " + middleware.preWebhookUrl());
        out.println("  post-webhook Url: " + middleware.postWebhookUrl());
        out.println("  exports orders to " + outbox.toAbsolutePath());
        if (middleware.metricsUrl() != null) {
            out.println("  metrics (Prometheus): " + middleware.metricsUrl());
        }
        printState(out, middleware.baseUrl());
        out.println("Ctrl-C to stop.");
        out.flush();
        return middleware;
    }

    private PluginMiddleware startPlugins() throws Failure {
        List<String> keys = requireHashKeys();
        PluginMiddleware.Found found = discover();
        if (found.isEmpty()) {
            throw new Failure(2, "no plugins found" + (pluginsDir == null ? " on the class path" : " in " + pluginsDir
                    + " nor on the class path") + ": pass --plugins DIR with plugin jars (META-INF/services entries), "
                    + "or --demo-merchant for the example merchant");
        }
        MiddlewareState shared = sharedState();
        PluginMiddleware middleware;
        try {
            middleware = PluginMiddleware.start(found, port, keys, webhookKeys(), !noMetrics, shared);
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (shared != null) {
                shared.close();
            }
            throw new Failure(1, "the plugins cannot be served: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("orderhooks middleware listening on " + middleware.baseUrl());
        found.checkout().describe().forEach(p -> out.println("  plugin " + p));
        found.webhooks().pre().forEach(p -> out.println("  plugin PreWebhookPlugin: " + p.name()));
        found.webhooks().post().forEach(p -> out.println("  plugin PostWebhookPlugin: " + p.name()));
        out.println("Routes:");
        middleware.servedRoutes().forEach(r -> out.println("  " + r));
        if (middleware.metricsUrl() != null) {
            out.println("Metrics (Prometheus): " + middleware.metricsUrl());
        }
        printState(out, middleware.baseUrl());
        out.println("Ctrl-C to stop.");
        out.flush();
        return middleware;
    }

    private void printState(PrintWriter out, String baseUrl) {
        out.println("  state: " + (state == null || state.isBlank() ? "in memory (one instance)" : "shared in PostgreSQL")
                + "; load balancers probe " + baseUrl + "/ready");
        out.println("  " + JvmAdvice.describe());
    }

    private PluginMiddleware.Found discover() throws Failure {
        ClassLoader loader = MiddlewareCommand.class.getClassLoader();
        try {
            if (pluginsDir != null) {
                loader = PluginJars.loader(pluginsDir, loader);
            }
            return PluginMiddleware.Found.in(loader);
        } catch (PluginJars.Unusable e) {
            throw new Failure(1, e.getMessage());
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new Failure(1, "a plugin cannot be loaded: " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        AutoCloseable running;
        try {
            running = start();
        } catch (Failure e) {
            spec.commandLine().getErr().println("orderhooks middleware: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return e.exitCode;
        }
        Serving.untilShutdown(List.of(running));
        return 0;
    }
}
