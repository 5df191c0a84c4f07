package io.orderhooks.engine;

import io.javalin.Javalin;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.observe.Observer;
import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.engine.delivery.Transports;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.api.EngineApi;
import io.orderhooks.engine.internal.api.HealthEndpoints;
import io.orderhooks.engine.internal.api.auth.SigningKeyPruning;
import io.orderhooks.engine.internal.api.auth.StoredSigningKeys;
import io.orderhooks.engine.internal.grouporders.InvitationPurger;
import io.orderhooks.engine.internal.sharedcarts.SharedCartPurgeSchedule;
import io.orderhooks.engine.internal.store.JobLock;
import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.StoredDeliveryLog;
import io.orderhooks.engine.internal.store.jdbc.JdbcStore;
import io.orderhooks.engine.senders.webhooks.AbstractWebhookSink;
import io.orderhooks.engine.spi.CheckoutIntegration;
import io.orderhooks.engine.spi.DeliveryLog;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.Redelivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order engine with its OrderCloud-compatible API ({@code /oauth/token}, {@code /v1/...}): one object owning
 * its store, the senders it calls middleware with, its delivery log, its schedules and its HTTP server.
 *
 * <pre>{@code
 * try (OrderEngine engine = OrderEngine.create(cfg -> cfg
 *         .store(Stores.memory())
 *         .checkout(CheckoutIntegrations.http())
 *         .admin(AdminBootstrap.fromEnvironment(System.getenv())))) {
 *     engine.start("127.0.0.1", 8080);
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #start} serves the API, the probes {@code GET /health} (liveness) and {@code GET /ready} (the store
 * answers and is migrated; 503 otherwise), and starts the schedules the engine needs: expired group-order
 * invitations and inactive shared carts (with their purge notices) are purged every
 * {@link Config#purgePeriod(Duration)}, judged by the engine's clock, and so are retired signing keys no valid token
 * can name any more; the stock, balances and redemptions held by submits whose checkout reservation expired are given
 * back on the same period. Several engines on one PostgreSQL database
 * share everything they know (orders, signing keys, refresh tokens, revocations, lockout counters); each
 * purge run takes a cluster-wide advisory lock, so it runs on one instance at a time. {@link #close()} stops the
 * server and the schedules, then the webhook sink (in-flight post-webhooks finish; queued ones stay in a durable
 * store's outbox for the next start, or, with the in-memory store, become redeliverable dead letters), the checkout
 * sender, the HTTP client and the store, in that order. Thread-safe; {@code start} at most once.
 */
public final class OrderEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrderEngine.class);

    /** Where {@link Config#metricsEndpoint} is served. */
    public static final String METRICS_PATH = "/metrics";

    private final Config config;
    private final DeliveryLog log;
    private final OkHttpClient http = Transports.defaultHttpClient();
    private final Store store;
    private final CheckoutIntegration checkout;
    private final AbstractWebhookSink sink;
    private final Engine engine;
    private final EngineResources resources;
    private final List<AutoCloseable> running = new ArrayList<>();
    private Javalin app;
    private AdminBootstrap.InForce admin;
    private String baseUrl;

    private OrderEngine(Config config) {
        this.config = config;
        this.store = config.store.open();
        this.log = store instanceof JdbcStore ? new StoredDeliveryLog(store) : new InMemoryDeliveryLog();
        this.resources = new EngineResources(config.clock, log, http, config.observer, store.outbox());
        this.checkout = config.checkout.create(resources);
        this.sink = config.webhooks.create(resources);
        this.engine = Engine.builder().store(store).clock(config.clock).checkoutIntegration(checkout)
                .webhookSink(sink).observer(config.observer).build();
    }

    /**
     * Builds an engine as {@code configure} says (see {@link Config} for every default). Nothing listens until
     * {@link #start}.
     *
     * @throws IllegalArgumentException when a setting is invalid (the message names it)
     */
    public static OrderEngine create(Consumer<Config> configure) {
        Config config = new Config();
        Objects.requireNonNull(configure, "configure").accept(config);
        return new OrderEngine(config);
    }

    /**
     * Serves the API on {@code host:port} (port 0 = any free port) and starts the schedules.
     *
     * @throws IllegalStateException when already started, or when {@code host} is not a loopback address while
     *     the admin credentials are the local defaults (anyone on the network could log in as the owner)
     */
    public synchronized OrderEngine start(String host, int port) {
        if (app != null) {
            throw new IllegalStateException("the engine is already started on " + baseUrl);
        }
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
        }
        if (config.admin.usesDefaults() && !isLoopback(host)) {
            throw new IllegalStateException("refusing to serve on " + host + " with the local default admin credentials;"
                    + " set the admin client secret and password (ORDERHOOKS_ADMIN_CLIENT_SECRET, ORDERHOOKS_ADMIN_PASSWORD)"
                    + " or bind to 127.0.0.1");
        }
        int chosen = port == 0 ? freePort(host) : port;
        this.baseUrl = "http://" + urlHost(host) + ":" + chosen;
        EngineApi.Builder apiBuilder = EngineApi.builder(engine).issuer(config.issuer != null ? config.issuer : baseUrl)
                .admin(config.admin).webhookSink(sink).deliveryLog(log).redelivery(redelivery())
                .marketplaceName(config.marketplaceName)
                .breakers(Map.of("checkout", resources.checkoutBreakers(), "webhooks", resources.webhookBreakers()));
        if (config.metricsEndpoint != null) {
            apiBuilder.endpoint(METRICS_PATH, config.metricsEndpoint);
        }
        apiBuilder.endpoint(HealthEndpoints.HEALTH, HealthEndpoints.health())
                .endpoint(HealthEndpoints.READY, HealthEndpoints.ready(store));
        EngineApi api = apiBuilder.build();
        JobLock jobs = store instanceof JdbcStore j ? j.jobLock() : JobLock.LOCAL;
        running.add(InvitationPurger.start(engine.groupOrders(), config.purgePeriod, jobs));
        running.add(SharedCartPurgeSchedule.start(engine.sharedCartPurger(), config.purgePeriod, jobs));
        running.add(SigningKeyPruning.start(store, config.clock, config.purgePeriod, jobs));
        running.add(io.orderhooks.engine.internal.PeriodicJob.start("submit-hold-release", "expired submit holds given back",
                config.purgePeriod, jobs, engine.submit()::releaseExpiredHolds));
        this.admin = api.admin();
        Javalin created = api.create();
        created.unsafe.startup.showJavalinBanner = false;
        try {
            created.start(host, chosen);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.app = created;
        LOG.info("orderhooks engine serving on {} (store {}, checkout {}, webhooks {})", baseUrl, config.store,
                config.checkout, config.webhooks);
        return this;
    }

    /** Redelivery by record kind: failed post-webhooks through the sink (checkout records are refused by the API). */
    private Redelivery redelivery() {
        Map<DeliveryRecord.Kind, Redelivery> byKind = new EnumMap<>(DeliveryRecord.Kind.class);
        byKind.put(DeliveryRecord.Kind.POST_WEBHOOK, sink);
        if (checkout instanceof Redelivery r) {
            byKind.put(DeliveryRecord.Kind.CHECKOUT, r);
        }
        return Redelivery.byKind(log, byKind);
    }

    /** e.g. {@code http://127.0.0.1:8080}: the {@code baseApiUrl} of an OrderCloud SDK. Null before {@link #start}. */
    public synchronized String baseUrl() {
        return baseUrl;
    }

    /**
     * The admin credentials in force; a generated client secret or password appears here only after the start
     * that generated it (print it then: it is never shown again). Null before {@link #start}.
     */
    public synchronized AdminBootstrap.InForce admin() {
        return admin;
    }

    /** The port served, or -1 before {@link #start}. */
    public synchronized int port() {
        return app == null ? -1 : app.port();
    }

    /** Every delivery to middleware (checkout events, webhooks, message events), also served at {@code v1/deliveries}. */
    public DeliveryLog deliveryLog() {
        return log;
    }

    /**
     * Waits until every queued post-webhook has been attempted (delivered, or scheduled for a retry), checking every
     * 10 ms for at most {@code timeout}. Blocks the caller.
     *
     * @return whether the queue emptied in time
     */
    public boolean awaitWebhooksSent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sink.queued() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /**
     * Makes a new token signing key in the store. Tokens signed with the old key stay valid until they expire, on
     * every engine sharing the store; new tokens carry the new {@code kid} within 30 s on every instance.
     *
     * @return the new key's {@code kid}
     */
    public String rotateSigningKey() {
        return StoredSigningKeys.rotate(store, config.clock).keyID();
    }

    /** The engine behind the API, for this module's own tests and benchmarks; not public API. */
    Engine engine() {
        return engine;
    }

    @Override
    public synchronized void close() {
        if (app != null) {
            app.stop();
        }
        for (AutoCloseable c : running) {
            closeQuietly(c);
        }
        running.clear();
        sink.close();
        if (checkout instanceof AutoCloseable c) {
            closeQuietly(c);
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        if (store instanceof AutoCloseable c) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed: {}", c, e.toString());
        }
    }

    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static String urlHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host + " for the engine API", e);
        }
    }

    /**
     * What {@link #create} builds. Every setter checks its argument and names it in the message. Defaults:
     * {@link Stores#memory()}, {@link CheckoutIntegrations#http()}, {@link WebhookSinks#http()},
     * {@link AdminBootstrap#generated()} (secret and password generated at first start), the system UTC clock, marketplace name
     * {@code Marketplace}, purges every minute, token issuer = the served base URL. Not thread-safe.
     */
    public static final class Config {
        private Stores.Choice store = Stores.memory();
        private CheckoutIntegrations.Choice checkout = CheckoutIntegrations.http();
        private WebhookSinks.Choice webhooks = WebhookSinks.http();
        private AdminBootstrap admin = AdminBootstrap.generated();
        private Clock clock = Clock.systemUTC();
        private String marketplaceName = "Marketplace";
        private Duration purgePeriod = Duration.ofMinutes(1);
        private String issuer;
        private Observer observer = Observer.NONE;
        private RawHandler metricsEndpoint;

        private Config() {
        }

        /**
         * Told of everything the engine does ({@code io.orderhooks.core.observe}): every delivery attempt, dead letter,
         * breaker change and retry queue of its senders, and checkout calls, order transitions, tokens issued and
         * refused. E.g. {@code PrometheusMetrics} from {@code orderhooks-micrometer}. Must be fast and must not block.
         */
        public Config observer(Observer observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /**
         * Serves {@code handler} at {@value OrderEngine#METRICS_PATH} next to the API, without authentication (bind to a
         * private interface or put a proxy in front when that matters); e.g. {@code PrometheusMetrics}, which is also
         * the {@link #observer}. Default: not served.
         */
        public Config metricsEndpoint(RawHandler handler) {
            this.metricsEndpoint = Objects.requireNonNull(handler, "metricsEndpoint");
            return this;
        }

        public Config store(Stores.Choice store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        public Config checkout(CheckoutIntegrations.Choice checkout) {
            this.checkout = Objects.requireNonNull(checkout, "checkout");
            return this;
        }

        public Config webhooks(WebhookSinks.Choice webhooks) {
            this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
            return this;
        }

        /** The marketplace owner's first credentials, ensured at every start. */
        public Config admin(AdminBootstrap admin) {
            this.admin = Objects.requireNonNull(admin, "admin");
            return this;
        }

        /** The engine's only source of time (token expiry, invitation expiry, purges, dates on records). */
        public Config clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The seller organization's display name. */
        public Config marketplaceName(String name) {
            Objects.requireNonNull(name, "marketplaceName");
            if (name.isBlank()) {
                throw new IllegalArgumentException("marketplaceName must not be blank");
            }
            this.marketplaceName = name;
            return this;
        }

        /** How often the purge schedules look for due work (positive). */
        public Config purgePeriod(Duration period) {
            if (period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("purgePeriod must be positive, was " + period);
            }
            this.purgePeriod = period;
            return this;
        }

        /** The {@code iss} of issued tokens, e.g. the public URL behind a proxy (default: the served base URL). */
        public Config issuer(String issuer) {
            Objects.requireNonNull(issuer, "issuer");
            if (!issuer.startsWith("http://") && !issuer.startsWith("https://")) {
                throw new IllegalArgumentException("issuer must be an http(s) URL, was " + issuer);
            }
            this.issuer = issuer;
            return this;
        }
    }
}
