package io.orderhooks.examples.cli;

import io.orderhooks.engine.AdminBootstrap;
import io.orderhooks.engine.OrderEngine;
import io.orderhooks.engine.Stores;
import io.orderhooks.micrometer.PrometheusMetrics;
import io.orderhooks.examples.client.OrderCloudClient;
import io.orderhooks.examples.app.MerchantRegistration;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code engine}: only the engine's API, calling integration events and webhooks wherever it is told. */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = {"Runs only the order engine's OrderCloud-compatible API. With --integration-url and/or",
                "--webhook-url it pre-registers the merchant's integration event and webhooks for the storefront",
                "API client, so middleware written in any language can be plugged in. The webhooks get exactly the",
                "routes the middleware's health endpoints list, or the --webhook-route options given."})
public final class EngineCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", defaultValue = "${env:HOST:-127.0.0.1}",
            description = "Address to bind (env HOST; default ${DEFAULT-VALUE}). A non-loopback address needs non-default admin secrets.")
    String host;

    @Option(names = "--port", defaultValue = "${env:PORT:-8080}", description = "Port (env PORT; default ${DEFAULT-VALUE}; 0 = any).")
    int port;

    @Option(names = "--admin-client-id", defaultValue = "${env:ORDERHOOKS_ADMIN_CLIENT_ID:-admin-client}",
            description = "Admin API client ID (env ORDERHOOKS_ADMIN_CLIENT_ID; default ${DEFAULT-VALUE}).")
    String adminClientID;

    @Option(names = "--admin-client-secret", defaultValue = "${env:ORDERHOOKS_ADMIN_CLIENT_SECRET}",
            description = "Admin client secret (env ORDERHOOKS_ADMIN_CLIENT_SECRET; default: generated at first start and printed once).")
    String adminClientSecret;

    @Option(names = "--admin-username", defaultValue = "${env:ORDERHOOKS_ADMIN_USERNAME:-admin}",
            description = "Admin username (env ORDERHOOKS_ADMIN_USERNAME; default ${DEFAULT-VALUE}).")
    String adminUsername;

    @Option(names = "--admin-password", defaultValue = "${env:ORDERHOOKS_ADMIN_PASSWORD}",
            description = "Admin password (env ORDERHOOKS_ADMIN_PASSWORD; default: generated at first start and printed once).")
    String adminPassword;

    @Option(names = "--integration-url", description = "CustomImplementationUrl of the checkout integration event to register, e.g. http://localhost:8081/integration.")
    String integrationUrl;

    @Option(names = "--hash-key", defaultValue = "${env:ORDERHOOKS_HASH_KEY}",
            description = "HashKey of the integration event (env ORDERHOOKS_HASH_KEY); required with --integration-url.")
    String hashKey;

    @Option(names = "--webhook-url", description = {"Base URL of the merchant's webhooks: pre-webhooks go to {url}/pre, post-webhooks to {url}/post,",
            "e.g. http://localhost:8081/webhooks. Registers exactly the routes the middleware serves: asked from",
            "GET {url}/pre/health and {url}/post/health (a running orderhooks middleware), unless --webhook-route is given."})
    String webhookUrl;

    @Option(names = "--webhook-route", paramLabel = "'pre|post VERB TEMPLATE'",
            description = {"A webhook route to register instead of asking the middleware; repeatable, e.g.",
                    "--webhook-route 'pre POST v1/orders/{direction}/{orderID}/lineitems' --webhook-route 'post POST v1/orders/{direction}/{orderID}/submit'."})
    List<String> webhookRouteOptions;

    @Option(names = "--webhook-hash-key", defaultValue = "${env:ORDERHOOKS_WEBHOOK_HASH_KEY}",
            description = "HashKey of the webhooks (env ORDERHOOKS_WEBHOOK_HASH_KEY; default: --hash-key).")
    String webhookHashKey;

    @Option(names = "--storefront-client", defaultValue = "storefront",
            description = "ID of the storefront API client the events and webhooks fire for (default ${DEFAULT-VALUE}).")
    String storefrontClientID;

    @CommandLine.Mixin
    StoreOptions storeOptions = new StoreOptions();

    @CommandLine.Mixin
    ClusterOptions clusterOptions = new ClusterOptions();

    @Option(names = "--marketplace-name", defaultValue = "Demo Marketplace", description = "Seller org name (default ${DEFAULT-VALUE}).")
    String marketplaceName;

    @Option(names = "--no-metrics", description = "Do not serve Prometheus metrics at /metrics.")
    boolean noMetrics;

    /** The engine's metrics once started, or null when off. */
    PrometheusMetrics metrics;

    AdminBootstrap admin() {
        try {
            return new AdminBootstrap(adminClientID, blankToNull(adminClientSecret), adminUsername, blankToNull(adminPassword));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The webhook routes to register: from {@code --webhook-route}, else asked from the middleware; none without a URL. */
    WebhookRoutes webhookRoutes() {
        boolean given = webhookRouteOptions != null && !webhookRouteOptions.isEmpty();
        if (webhookUrl == null) {
            if (given) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--webhook-route needs --webhook-url");
            }
            return new WebhookRoutes(List.of(), List.of());
        }
        try {
            WebhookRoutes routes = given ? WebhookRoutes.parse(webhookRouteOptions)
                    : WebhookRoutes.askHealth(webhookBase(), HttpClient.newHttpClient());
            if (routes.isEmpty()) {
                throw new IllegalArgumentException("the middleware at " + webhookBase() + " serves no webhook route"
                        + " (GET {url}/pre/health and {url}/post/health list none); drop --webhook-url or pass --webhook-route");
            }
            return routes;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private String webhookBase() {
        return webhookUrl.replaceAll("/+$", "");
    }

    /** The registration the options ask for with {@code routes}, or null when neither URL is given. */
    MerchantRegistration registration(String apiBaseUrl, WebhookRoutes routes) {
        if (integrationUrl == null && webhookUrl == null) {
            return null;
        }
        String webhookKey = webhookHashKey != null ? webhookHashKey : hashKey;
        String base = webhookUrl == null ? null : webhookBase();
        try {
            return new MerchantRegistration(apiBaseUrl, integrationUrl, hashKey, base == null ? null : base + "/pre",
                    routes.pre(), base == null ? null : base + "/post", routes.post(), webhookKey, storefrontClientID);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--hash-key (or ORDERHOOKS_HASH_KEY) is needed: " + e.getMessage());
        }
    }

    /** Starts the engine, registers what was asked, and prints where it serves. */
    OrderEngine start() {
        AdminBootstrap admin = admin();
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535, was " + port);
        }
        WebhookRoutes routes = webhookRoutes();
        registration("http://localhost", routes);
        Stores.Choice store;
        try {
            store = storeOptions.choice(Path.of("orderhooks-data"));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        OrderEngine server;
        PrometheusMetrics engineMetrics = noMetrics ? null : PrometheusMetrics.create();
        OrderEngine created;
        try {
            created = OrderEngine.create(cfg -> {
                cfg.admin(admin).clock(Clock.systemUTC()).marketplaceName(marketplaceName).store(store);
                clusterOptions.apply(cfg);
                if (engineMetrics != null) {
                    cfg.observer(engineMetrics).metricsEndpoint(engineMetrics);
                }
            });
        } catch (RuntimeException e) {
            // a store that cannot open (folder, disk, database, migration) ends the command with its one-line reason
            if (engineMetrics != null) {
                engineMetrics.close();
            }
            throw e;
        }
        try {
            server = created.start(host, port);
        } catch (IllegalStateException e) {
            created.close();
            if (engineMetrics != null) {
                engineMetrics.close();
            }
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        this.metrics = engineMetrics;
        MerchantRegistration registration = registration(server.baseUrl(), routes);
        if (registration != null) {
            try {
                OrderCloudClient api = new OrderCloudClient(server.baseUrl());
                String secret = admin.clientSecret() != null ? admin.clientSecret() : server.admin().generatedClientSecret();
                if (secret == null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--admin-client-secret is needed to"
                            + " register the merchant: the stored admin client secret was generated at an earlier start");
                }
                registration.registerWith(api, api.clientCredentials(admin.clientID(), secret, "FullAccess"));
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        clusterOptions.afterStart(server, out);
        out.println("orderhooks engine API listening on " + server.baseUrl());
        out.println("  state:  " + store + ("h2".equalsIgnoreCase(storeOptions.store) ? " (--data DIR to choose another)" : ""));
        out.println("  token:  POST " + server.baseUrl() + "/oauth/token (client_id=" + admin.clientID()
                + ", client_secret, grant_type=client_credentials)");
        AdminBanner.print(out, admin, server.admin());
        if (registration != null) {
            out.println("  storefront client " + storefrontClientID + ": checkout -> " + (integrationUrl == null ? "(none)" : integrationUrl));
            routes.pre().forEach(r -> out.println("  pre-webhook  " + r.verb() + " " + r.route() + " -> " + registration.preWebhookUrl()));
            routes.post().forEach(r -> out.println("  post-webhook " + r.verb() + " " + r.route() + " -> " + registration.postWebhookUrl()));
        }
        if (metrics != null) {
            out.println("  metrics (Prometheus): " + server.baseUrl() + OrderEngine.METRICS_PATH);
        }
        out.println("Ctrl-C to stop.");
        out.flush();
        return server;
    }

    @Override
    public Integer call() throws Exception {
        OrderEngine server = start();
        Serving.untilShutdown(metrics == null ? List.of(server) : List.of(metrics, server));
        return 0;
    }
}
