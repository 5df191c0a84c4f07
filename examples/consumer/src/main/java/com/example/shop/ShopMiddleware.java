package com.example.shop;

import io.javalin.Javalin;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.IntegrationEventsPlugin;
import io.orderhooks.events.plugin.Plugins;
import io.orderhooks.webhooks.WebhooksDispatcher;
import io.orderhooks.webhooks.WebhooksPlugin;
import java.util.Objects;

/**
 * The shop's middleware in its own process: the checkout integration event at {@code /integration} (the tax plugins
 * found on the class path) and the pre-webhook at {@code /webhooks/pre}, both checking {@code X-oc-hash} with one key.
 * Register {@code https://your-host/integration} as the integration event's {@code CustomImplementationUrl} and
 * {@code https://your-host/webhooks/pre} as the pre-webhook's {@code Url}, with the same {@code HashKey}.
 *
 * <p>Run: {@code OC_HASH_KEY=... PORT=8081 java -cp <this jar and its dependencies> com.example.shop.ShopMiddleware}.
 * Or run the plugins without this class: {@code java -jar orderhooks.jar middleware --plugins DIR}.
 */
public final class ShopMiddleware implements AutoCloseable {

    private final IntegrationEventsDispatcher checkout;
    private final WebhooksDispatcher preHooks;
    private final Javalin app;

    private ShopMiddleware(String hashKey) {
        Objects.requireNonNull(hashKey, "hashKey");
        this.checkout = Plugins.discover()
                .registerInto(IntegrationEventsDispatcher.builder().hashKeys(hashKey)).build();
        this.preHooks = new BulkQuantityGuard().registerInto(WebhooksDispatcher.builder().hashKeys(hashKey)).build();
        this.app = Javalin.create(cfg -> {
            cfg.registerPlugin(IntegrationEventsPlugin.at("/integration", checkout));
            cfg.registerPlugin(WebhooksPlugin.at("/webhooks/pre", preHooks));
        });
    }

    /** Serves on {@code host:port} (port 0 = any free port) until {@link #close()}. */
    public static ShopMiddleware start(String hashKey, String host, int port) {
        ShopMiddleware middleware = new ShopMiddleware(hashKey);
        middleware.app.start(host, port);
        return middleware;
    }

    /** The port served. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        checkout.close();
        preHooks.close();
    }

    public static void main(String[] args) {
        String hashKey = System.getenv("OC_HASH_KEY");
        if (hashKey == null || hashKey.isBlank()) {
            System.err.println("Set OC_HASH_KEY to the HashKey of your integration event and webhook.");
            System.exit(2);
        }
        int port = Integer.parseInt(Objects.requireNonNullElse(System.getenv("PORT"), "8081"));
        ShopMiddleware middleware = start(hashKey, "0.0.0.0", port);
        Runtime.getRuntime().addShutdownHook(new Thread(middleware::close));
        System.out.println("Serving http://localhost:" + middleware.port() + "/integration and /webhooks/pre");
    }
}
