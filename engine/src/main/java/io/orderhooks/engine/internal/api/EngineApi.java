package io.orderhooks.engine.internal.api;

import io.orderhooks.engine.AdminBootstrap;
import io.javalin.Javalin;
import io.orderhooks.engine.internal.api.auth.OAuthEndpoint;
import io.orderhooks.engine.internal.api.auth.RefreshTokens;
import io.orderhooks.engine.internal.api.auth.SigningKeys;
import io.orderhooks.engine.internal.api.auth.KeyRing;
import io.orderhooks.engine.internal.api.auth.StoredSigningKeys;
import io.orderhooks.engine.internal.api.auth.TokenService;
import io.orderhooks.engine.internal.api.internal.Bootstrap;
import io.orderhooks.engine.internal.api.internal.EngineAccounts;
import io.orderhooks.engine.internal.api.internal.TokenRevocations;
import io.orderhooks.engine.internal.api.resources.ApiClientRoutes;
import io.orderhooks.engine.internal.api.resources.BreakerRoutes;
import io.orderhooks.engine.internal.api.resources.CategoryRoutes;
import io.orderhooks.engine.internal.api.resources.CostCenterRoutes;
import io.orderhooks.engine.internal.api.resources.VariantRoutes;
import io.orderhooks.engine.internal.api.resources.CreditCardRoutes;
import io.orderhooks.engine.internal.api.resources.IncrementorRoutes;
import io.orderhooks.engine.internal.api.resources.ProductFacetRoutes;
import io.orderhooks.engine.internal.api.resources.XpIndexRoutes;
import io.orderhooks.engine.internal.api.resources.DeliveryRoutes;
import io.orderhooks.engine.internal.api.resources.IntegrationEventRoutes;
import io.orderhooks.engine.internal.api.resources.MeRoutes;
import io.orderhooks.engine.internal.api.resources.SpendingAccountRoutes;
import io.orderhooks.engine.internal.api.resources.SupplierRoutes;
import io.orderhooks.engine.internal.api.resources.WebhookRoutes;
import io.orderhooks.engine.internal.api.resources.AdminRoutes;
import io.orderhooks.engine.internal.api.resources.BuyerRoutes;
import io.orderhooks.engine.internal.api.resources.BuyerUserRoutes;
import io.orderhooks.engine.internal.api.resources.ProductCollectionRoutes;
import io.orderhooks.engine.internal.api.resources.GroupOrderRoutes;
import io.orderhooks.engine.internal.api.resources.SecurityProfileRoutes;
import io.orderhooks.engine.internal.api.resources.SharedCartRoutes;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.core.receiver.RequestGuard;
import io.orderhooks.engine.spi.DeliveryLog;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.orderhooks.engine.spi.Redelivery;
import io.orderhooks.engine.spi.WebhookSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.orderhooks.core.http.BasePath;
import io.orderhooks.core.http.RawHandler;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's OrderCloud-compatible REST API: {@code /oauth/token} backed by the engine's API clients,
 * users and security profiles, and every {@code v1} resource route. Building it ensures the admin
 * credentials of {@link AdminBootstrap} exist.
 *
 * <pre>{@code
 * EngineApi api = EngineApi.builder(engine).issuer("http://localhost:8080")
 *         .admin(AdminBootstrap.fromEnvironment(System.getenv())).build();
 * Javalin app = api.startOnPort(8080);
 * }</pre>
 *
 * <p>Immutable once built and thread-safe; each {@link #create()} makes a new, unstarted Javalin app.
 */
public final class EngineApi {

    private static final Logger LOG = LoggerFactory.getLogger(EngineApi.class);

    /** Registers one resource's routes. */
    @FunctionalInterface
    public interface Resource extends BiConsumer<RouteTable, ApiContext> {}

    /** The resources every engine API serves, in registration order. */
    public static final List<Resource> STANDARD_RESOURCES = List.of(
            BuyerRoutes::register, BuyerUserRoutes::register, SpendingAccountRoutes::register, SupplierRoutes::register,
            AdminRoutes::register,
            MeRoutes::register, SecurityProfileRoutes::register, ApiClientRoutes::register, WebhookRoutes::register,
            IntegrationEventRoutes::register, DeliveryRoutes::register, BreakerRoutes::register,
            ProductCollectionRoutes::register, GroupOrderRoutes::register, SharedCartRoutes::register,
            CostCenterRoutes::register, CreditCardRoutes::register, IncrementorRoutes::register, CategoryRoutes::register,
            VariantRoutes::register, ProductFacetRoutes::register, XpIndexRoutes::register,
            io.orderhooks.engine.internal.api.resources.MessageSenderRoutes::register,
            io.orderhooks.engine.internal.api.resources.MeAccountRoutes::register);

    private final ApiContext context;
    private final ApiServer server;
    private final RouteTable routes;
    private final AdminBootstrap.InForce admin;

    private EngineApi(Builder b) {
        var store = b.engine.context().store();
        TokenService tokens = new TokenService(b.keys != null ? KeyRing.fixed(b.keys)
                : StoredSigningKeys.ring(store, b.engine.context().clock()), b.engine.context().clock(), b.issuer);
        RefreshTokens refresh = new RefreshTokens(b.engine.context().clock(), store);
        OAuthEndpoint oauth = new OAuthEndpoint(new EngineAccounts(b.engine, b.maxFailedLogins), tokens, refresh);
        TokenRevocations revocations = new TokenRevocations(b.engine.context().store());
        this.context = new ApiContext(b.engine, oauth, refresh, revocations, b.marketplaceName, b.deliveryLog,
                callingOut(b.redelivery, store), b.breakers);
        this.routes = new RouteTable();
        STANDARD_RESOURCES.forEach(r -> r.accept(routes, context));
        io.orderhooks.engine.internal.api.resources.CommerceRoutes.register(routes, context);
        b.extra.forEach(r -> r.accept(routes, context));
        WebhookSink sink = b.sink != null ? b.sink : b.engine.context().webhookSink();
        PreHookAccess preHookAccess = new PreHookAccess(context);
        // the access check runs once, just before the pre-webhooks are called: the request's reads together end there
        WebhookFiring firing = new WebhookFiring(b.engine.webhooks()::all, sink, b.engine.context().clock(),
                request -> {
                    preHookAccess.accept(request);
                    store.callingOut();
                }, store::atomically);
        this.server = new ApiServer(routes, oauth, firing, b.maxBodyBytes, revocations, b.engine.observer(),
                b.endpoints, new ApiServer.ReadsTogether() {
                    @Override
                    public <R> R run(java.util.function.Supplier<R> reads) {
                        return store.readTogether(reads);
                    }

                    @Override
                    public <R> R request(java.util.function.Supplier<R> request) {
                        return store.oneRequest(request);
                    }
                });
        this.admin = store.jobLock().runSerialized(Bootstrap.JOB, () -> Bootstrap.ensure(b.engine, b.admin));
        if (b.admin.usesDefaults()) {
            LOG.warn("engine API uses the local default admin credentials ({}); set ORDERHOOKS_ADMIN_CLIENT_SECRET "
                    + "and ORDERHOOKS_ADMIN_PASSWORD outside local development", b.admin);
        }
    }

    /**
     * {@code redelivery} (or null), telling the store before each network call ({@code Store::callingOut}: what the
     * request read is proven current before the call, DURABILITY.md "Reads").
     */
    private static Redelivery callingOut(Redelivery redelivery, io.orderhooks.engine.internal.store.Store store) {
        if (redelivery == null) {
            return null;
        }
        return new Redelivery() {
            @Override
            public Result redeliver(String recordID) {
                store.callingOut();
                return redelivery.redeliver(recordID);
            }

            @Override
            public Result replayTo(String recordID, String url) {
                store.callingOut();
                return redelivery.replayTo(recordID, url);
            }
        };
    }

    public static Builder builder(Engine engine) {
        return new Builder(engine);
    }

    /** The admin credentials in force; generated secrets appear here once, on the start that made them. */
    public AdminBootstrap.InForce admin() {
        return admin;
    }

    public ApiContext context() {
        return context;
    }

    public ApiServer server() {
        return server;
    }

    /** Every route served under {@code /v1}, in mounting order. */
    public List<ApiRoute> routes() {
        return routes.routes();
    }

    /** A new, unstarted Javalin app serving the API. */
    public Javalin create() {
        return server.create();
    }

    /** Starts the API on {@code port} (0 = any free port; read it back with {@code app.port()}). */
    public Javalin startOnPort(int port) {
        return create().start(port);
    }

    /** Collects the API's parts; every setter validates its argument. Not thread-safe. */
    public static final class Builder {
        private final Engine engine;
        private SigningKeys keys;
        private String issuer = "http://localhost";
        private WebhookSink sink;
        private DeliveryLog deliveryLog;
        private Redelivery redelivery;
        private Map<String, CircuitBreakerRegistry> breakers = Map.of();
        private AdminBootstrap admin = AdminBootstrap.generated();
        private long maxBodyBytes = RequestGuard.DEFAULT_MAX_BODY_BYTES;
        private int maxFailedLogins = EngineAccounts.DEFAULT_MAX_FAILED_LOGINS;
        private String marketplaceName = "Marketplace";
        private final List<Resource> extra = new ArrayList<>();
        private final Map<String, RawHandler> endpoints = new LinkedHashMap<>();

        private Builder(Engine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
        }

        /** The token signing keys; generated at build when not set (tokens then die with the process). */
        public Builder signingKeys(SigningKeys keys) { this.keys = Objects.requireNonNull(keys, "signingKeys"); return this; }

        /** The API's base URL: the tokens' {@code iss} and {@code aud}. */
        public Builder issuer(String issuer) {
            if (issuer == null || !(issuer.startsWith("http://") || issuer.startsWith("https://"))) {
                throw new IllegalArgumentException("issuer must be an http(s) base URL, was " + issuer);
            }
            this.issuer = issuer;
            return this;
        }

        /** Where webhooks are delivered; defaults to the engine's sink. */
        public Builder webhookSink(WebhookSink sink) { this.sink = Objects.requireNonNull(sink, "webhookSink"); return this; }

        /** The delivery log behind {@code GET v1/deliveries}; without one those routes answer 404. */
        public Builder deliveryLog(DeliveryLog log) { this.deliveryLog = Objects.requireNonNull(log, "deliveryLog"); return this; }

        /** The port behind {@code POST v1/deliveries/{id}/redeliver}. */
        public Builder redelivery(Redelivery r) { this.redelivery = Objects.requireNonNull(r, "redelivery"); return this; }
        /** The senders' circuit breakers by sender name ({@code checkout}, {@code webhooks}) for {@code v1/deliveryBreakers}. */
        public Builder breakers(Map<String, CircuitBreakerRegistry> b) { this.breakers = Map.copyOf(b); return this; }

        public Builder admin(AdminBootstrap admin) { this.admin = Objects.requireNonNull(admin, "admin"); return this; }

        /** Consecutive wrong passwords after which a user is locked (default {@value EngineAccounts#DEFAULT_MAX_FAILED_LOGINS}). */
        public Builder maxFailedLogins(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxFailedLogins must be positive, was " + max);
            }
            this.maxFailedLogins = max;
            return this;
        }

        public Builder maxBodyBytes(long max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be positive, was " + max);
            }
            this.maxBodyBytes = max;
            return this;
        }

        public Builder marketplaceName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("marketplaceName must not be blank");
            }
            this.marketplaceName = name;
            return this;
        }

        /**
         * Serves {@code handler} at {@code path} (and below), outside the API's authentication: e.g. {@code /metrics}.
         *
         * @throws IllegalArgumentException for a path under {@code /v1} or {@code /oauth}
         */
        public Builder endpoint(String path, RawHandler handler) {
            String p = BasePath.normalize(Objects.requireNonNull(path, "path"));
            String lower = p.toLowerCase(java.util.Locale.ROOT);
            if (p.isEmpty() || lower.startsWith("/v1") || lower.startsWith("/oauth")) {
                throw new IllegalArgumentException("endpoint path must be outside /v1 and /oauth, was " + path);
            }
            endpoints.put(p, Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /** Adds a resource's routes after the standard ones (e.g. orders, catalog). */
        public Builder addResource(Resource resource) { extra.add(Objects.requireNonNull(resource, "resource")); return this; }

        public EngineApi build() {
            return new EngineApi(this);
        }
    }
}
