package io.orderhooks.benchmarks;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.orderhooks.engine.internal.api.EngineApi;
import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.core.signing.OcHash;
import io.orderhooks.engine.delivery.Transports;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.IntegrationEventsPlugin;
import io.orderhooks.engine.senders.checkout.CheckoutSenderSettings;
import io.orderhooks.engine.senders.checkout.HttpCheckoutIntegration;
import io.orderhooks.examples.merchant.MerchantPlugins;
import io.orderhooks.javalin.ServerLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The servers {@code benchmarks/load/run.sh} drives with {@code wrk}, one role per JVM so each one's resident
 * memory can be read on its own. Every server listens on {@code 127.0.0.1} only, on a free port it writes to
 * {@code <dir>/<role>.port} once it accepts connections; the process then runs until it is killed.
 *
 * <ul>
 *   <li>{@code fixed}: a bare Javalin route {@code POST /ordercalculate} that reads the body and answers a fixed
 *       JSON document; the most any Javalin service with the receivers' Jetty configuration
 *       ({@link ServerLimits#DEFAULTS}) could do on this machine.
 *   <li>{@code floor}: the parse floor ({@link ParseFloor}) at {@code POST /ordercalculate}: verify, tree parse,
 *       tax sum; the least any correct receiver does. It runs with the receivers' Jetty configuration
 *       ({@link ServerLimits#DEFAULTS}, as {@code IntegrationEventsPlugin} installs it), so it is measured against
 *       the middleware on equal terms.
 *   <li>{@code floor-future}: the same floor run inside {@code ctx.future} (servlet async started first), as
 *       {@code JavalinMount} runs a receiver; {@code benchmarks/load/cpu.sh} compares it with {@code floor}.
 *   <li>{@code middleware}: the integration-events dispatcher with the real tax plugin
 *       ({@link BenchMiddleware}) at the root, so {@code POST /ordercalculate}. It also writes the request
 *       bodies {@code calc-20.json} and {@code calc-200.json} and their {@code X-oc-hash} values
 *       ({@code calc-N.sig}) into {@code <dir>}, and the hash key ({@code hash.key}) for the Node peer.
 *   <li>{@code merchant}: the whole example merchant ({@link MerchantPlugins#demo}: tax, zone shipping, the
 *       outbox exporter writing to {@code <dir>/outbox}) under {@code /integration}.
 *   <li>{@code engine}: the engine's REST API over a seeded {@link BenchEngine}, delivering checkout events
 *       over HTTP to the merchant at the URL given as third argument; {@link CheckoutLoad} drives it. Its store
 *       is the system property {@code orderhooks.bench.store} ({@link BenchStore}); with
 *       {@value #HISTORY_PROPERTY} = N the store first gets an order history of N orders.
 *   <li>{@code postgres}: an embedded PostgreSQL for the engine's PostgreSQL store ({@link BenchPostgres}).
 * </ul>
 *
 * <p>All use the same Javalin defaults (and the same Jetty thread pool, see {@link #start(Consumer)}); the fixed
 * answer, the floor and the receivers also the same {@link ServerLimits}. Usage:
 * {@code java -cp benchmarks.jar io.orderhooks.benchmarks.LoadServers fixed|floor|middleware|merchant <dir>} or
 * {@code ... engine <dir> <merchant URL>}.
 */
public final class LoadServers {

    /** The fixed answer of the {@code fixed} role. */
    static final byte[] FIXED_ANSWER = "{\"TaxTotal\":0,\"ShippingTotal\":0}".getBytes(StandardCharsets.UTF_8);
    /** System property sizing Jetty's request threads of every role: {@code min,max,reserved}. */
    static final String THREADS_PROPERTY = "orderhooks.bench.jettyThreads";
    /**
     * System property of the {@code engine} role: orders put into its durable store before it serves
     * ({@link BenchEngine#seedHistory}), default 0; {@value #HISTORY_LINES_PROPERTY} their lines (default 20).
     */
    static final String HISTORY_PROPERTY = "orderhooks.bench.history";
    static final String HISTORY_LINES_PROPERTY = "orderhooks.bench.historyLines";
    /** Worksheet sizes the middleware's request bodies are written for. */
    static final int[] LINES = {20, 200};

    private LoadServers() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: LoadServers fixed|floor|middleware|merchant <dir> | engine <dir> <merchant base URL>");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[1]));
        if (args[0].equals("postgres")) {
            BenchPostgres.serve(dir);
            return;
        }
        Javalin app = args[0].startsWith("engine") && args.length == 3 ? startEngine(args[2]) : start(args[0], dir);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "load-server-stop"));
        Files.writeString(dir.resolve(args[0] + ".port"), Integer.toString(app.port()));
        new CountDownLatch(1).await();
    }

    /**
     * Starts {@code role}'s server on a free loopback port, writing its files into {@code dir}; the caller stops it.
     *
     * @throws IllegalArgumentException for an unknown role
     */
    static Javalin start(String role, Path dir) throws IOException {
        return switch (role) {
            case "fixed" -> start(cfg -> {
                // the receivers' Jetty configuration too: the three rows differ only in what their handler does
                ServerLimits.DEFAULTS.applyTo(cfg.jetty);
                cfg.routes.post("/ordercalculate", ctx -> {
                    ctx.bodyAsBytes();
                    ctx.contentType("application/json").result(FIXED_ANSWER);
                });
            });
            case "floor" -> start(cfg -> {
                // the receivers' Jetty configuration (eager body loading, body rate and deadline, error pages), so
                // the floor differs from the middleware only in what its handler does
                ServerLimits.DEFAULTS.applyTo(cfg.jetty);
                cfg.routes.post("/ordercalculate", new ParseFloor(BenchMiddleware.HASH_KEY));
            });
            case "floor-future" -> start(cfg -> {
                // the floor inside ctx.future (servlet async started, the handler run on the request thread, the
                // future already complete): what JavalinMount's asynchronous entry adds to every request
                ServerLimits.DEFAULTS.applyTo(cfg.jetty);
                ParseFloor floor = new ParseFloor(BenchMiddleware.HASH_KEY);
                CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
                cfg.routes.post("/ordercalculate", ctx -> ctx.future(() -> {
                    try {
                        floor.handle(ctx);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return done;
                }));
            });
            case "middleware" -> startMiddleware(dir);
            case "merchant" -> start(cfg -> cfg.registerPlugin(IntegrationEventsPlugin.at("/integration",
                    MerchantPlugins.demo(dir.resolve("outbox"), Clock.systemUTC()).dispatcher(BenchMiddleware.HASH_KEY))));
            default -> throw new IllegalArgumentException("unknown role " + role
                    + ": fixed, floor, floor-future, middleware or merchant"
                    + " (engine needs the merchant's URL)");
        };
    }

    /**
     * The engine's REST API ({@link EngineApi}) over a {@link BenchEngine} whose checkout integration event points
     * at {@code merchantUrl}, delivered over HTTP by {@link HttpCheckoutIntegration}.
     */
    static Javalin startEngine(String merchantUrl) throws java.sql.SQLException {
        InMemoryDeliveryLog log = new InMemoryDeliveryLog();
        HttpCheckoutIntegration checkout = new HttpCheckoutIntegration(CheckoutSenderSettings.builder(log).build(),
                Transports.defaultHttpClient());
        BenchEngine bench = BenchEngine.seeded(checkout, merchantUrl);
        int history = Integer.getInteger(HISTORY_PROPERTY, 0);
        if (history > 0) {
            double seconds = bench.seedHistory(history, Integer.getInteger(HISTORY_LINES_PROPERTY, 20),
                    System.getProperty(BenchStore.PROPERTY), BenchStore.user(), BenchStore.password());
            System.out.printf("order history: %d orders in %.1f s%n", history, seconds);
        }
        EngineApi api = EngineApi.builder(bench.engine()).issuer("http://127.0.0.1").deliveryLog(log).build();
        Javalin app = api.create();
        app.unsafe.startup.showJavalinBanner = false;
        return app.start("127.0.0.1", 0);
    }

    private static Javalin startMiddleware(Path dir) throws IOException {
        for (int lines : LINES) {
            byte[] body = BenchMiddleware.calculateBody(lines);
            Files.write(dir.resolve("calc-" + lines + ".json"), body);
            Files.writeString(dir.resolve("calc-" + lines + ".sig"), OcHash.sign(BenchMiddleware.HASH_KEY, body));
        }
        Files.writeString(dir.resolve("hash.key"), BenchMiddleware.HASH_KEY);
        IntegrationEventsDispatcher dispatcher = BenchMiddleware.dispatcher();
        return start(cfg -> cfg.registerPlugin(IntegrationEventsPlugin.at("/", dispatcher)));
    }

    /**
     * A Javalin server on a free loopback port with the settings every role shares: Javalin's defaults, or with the
     * system property {@value #THREADS_PROPERTY} = {@code min,max,reserved} Jetty's request thread pool sized so
     * (a {@code QueuedThreadPool}; {@code reserved} -1 = Jetty's heuristic), to compare pool sizes side by side.
     */
    static Javalin start(Consumer<JavalinConfig> routes) {
        String threads = System.getProperty(THREADS_PROPERTY);
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            if (threads != null) {
                cfg.jetty.threadPool = threadPool(threads);
            }
            routes.accept(cfg);
        }).start("127.0.0.1", 0);
    }

    /** Jetty's request threads as {@code min,max,reserved}. */
    private static QueuedThreadPool threadPool(String spec) {
        String[] parts = spec.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException(THREADS_PROPERTY + " must be min,max,reserved, was " + spec);
        }
        int min = Integer.parseInt(parts[0].trim());
        int max = Integer.parseInt(parts[1].trim());
        int reserved = Integer.parseInt(parts[2].trim());
        QueuedThreadPool pool = new QueuedThreadPool(max, min, 60_000, reserved, null, null);
        pool.setName("JettyServerThreadPool");
        return pool;
    }
}
