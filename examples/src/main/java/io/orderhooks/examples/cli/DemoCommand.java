package io.orderhooks.examples.cli;

import io.orderhooks.engine.AdminBootstrap;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.examples.Main;
import io.orderhooks.engine.OrderEngine;
import io.orderhooks.engine.Stores;
import io.orderhooks.micrometer.PrometheusMetrics;
import io.orderhooks.examples.app.MerchantMiddleware;
import io.orderhooks.examples.demo.DemoStory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo} (the default): engine + middleware in one process, wired through the engine's API, then the story. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts the engine API and the merchant middleware on local ports, registers the middleware",
                "through the engine's API, seeds a demo marketplace and narrates a story; then keeps serving."})
public final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--engine-port", defaultValue = "8080", description = "Engine API port (default ${DEFAULT-VALUE}; 0 = any).")
    int enginePort;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address the engine and the middleware bind (default ${DEFAULT-VALUE}; the demo's admin secrets are local defaults, so only loopback).")
    String host;

    @Option(names = "--middleware-port", defaultValue = "8081", description = "Middleware port (default ${DEFAULT-VALUE}; 0 = any).")
    int middlewarePort;

    @Option(names = "--outbox", defaultValue = "orderhooks-demo-outbox", description = "Folder for exported orders (default ${DEFAULT-VALUE}).")
    Path outbox;

    @CommandLine.Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--exit", description = "Stop after the story instead of serving until Ctrl-C.")
    boolean exit;

    /** This run's fresh H2 folder, deleted when the demo stops; null when --data or another store was chosen. */
    private Path fresh;

    /** The story needs an empty store: a fresh data folder each run unless --data names one (printed either way). */
    private Stores.Choice demoStore(PrintWriter out) throws java.io.IOException {
        fresh = storeOptions.usesDataFolder() && storeOptions.data == null
                ? Files.createTempDirectory("orderhooks-demo-") : null;
        try {
            Stores.Choice store = storeOptions.choice(fresh);
            out.println("state: " + store + (fresh != null ? " (a fresh folder for this run, deleted when the demo stops; --data DIR to keep one)" : ""));
            return store;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Option(names = "--no-metrics", description = "Do not serve Prometheus metrics at /metrics (engine and middleware).")
    boolean noMetrics;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String hashKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        AdminBootstrap admin = AdminBootstrap.LOCAL_DEFAULTS;
        Clock clock = Clock.systemUTC();
        out.println("orderhooks " + Main.version() + " demo");
        Stores.Choice store = demoStore(out);
        // closed last, after the engine has closed its store (each run of the demo left its folder in the temp folder)
        AutoCloseable freshFolder = () -> {
            if (fresh != null) {
                Folders.delete(fresh);
            }
        };
        PrometheusMetrics engineMetrics = noMetrics ? null : PrometheusMetrics.create();
        OrderEngine engine;
        try {
            engine = OrderEngine.create(cfg -> {
                cfg.admin(admin).clock(clock).marketplaceName("Demo Marketplace").store(store);
                if (engineMetrics != null) {
                    cfg.observer(engineMetrics).metricsEndpoint(engineMetrics);
                }
            }).start(host, enginePort);
        } catch (RuntimeException e) {
            Serving.closeAll(engineMetrics == null ? List.of(freshFolder) : List.of(freshFolder, engineMetrics));
            throw e;
        }
        MerchantMiddleware middleware;
        try {
            middleware = MerchantMiddleware.start(new MerchantMiddleware.Settings(middlewarePort, List.of(hashKey),
                    List.of(hashKey), outbox, engine.baseUrl(), clock, !noMetrics));
        } catch (RuntimeException e) {
            engine.close();
            Serving.closeAll(engineMetrics == null ? List.of(freshFolder) : List.of(freshFolder, engineMetrics));
            throw e;
        }
        List<AutoCloseable> running = engineMetrics == null ? List.of(freshFolder, engine, middleware)
                : List.of(freshFolder, engineMetrics, engine, middleware);
        try {
            new DemoStory(engine, middleware, admin, hashKey, clock, out).run();
        } catch (OrderCloudException | IllegalStateException e) {
            Serving.closeAll(running);
            out.flush();
            spec.commandLine().getErr().println("The demo stopped: " + (e instanceof OrderCloudException oc
                    ? oc.status() + " " + oc.errorCode() + ": " : "") + e.getMessage());
            return 1;
        } catch (Exception e) {
            Serving.closeAll(running);
            throw e;
        }
        if (exit) {
            Serving.closeAll(running);
            return 0;
        }
        out.println();
        out.println("Serving until Ctrl-C:");
        out.println("  engine API   " + engine.baseUrl() + "  (admin client " + admin.clientID() + " / "
                + admin.clientSecret() + ", user " + admin.username() + " / " + admin.password() + ")");
        out.println("  middleware   " + middleware.baseUrl() + "  (" + middleware.integrationUrl() + ", "
                + middleware.preWebhookUrl() + ")");
        if (engineMetrics != null) {
            out.println("  metrics      " + engine.baseUrl() + OrderEngine.METRICS_PATH + ", " + middleware.metricsUrl());
        }
        out.flush();
        Serving.untilShutdown(running);
        return 0;
    }
}
