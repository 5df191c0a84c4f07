package io.orderhooks.examples.app;

import io.javalin.Javalin;
import io.orderhooks.engine.internal.api.AdminBootstrap;
import io.orderhooks.engine.internal.api.EngineApi;
import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.grouporders.InvitationPurger;
import io.orderhooks.engine.delivery.Transports;
import io.orderhooks.engine.senders.checkout.CheckoutSenderSettings;
import io.orderhooks.engine.senders.checkout.HttpCheckoutIntegration;
import io.orderhooks.engine.senders.webhooks.HttpWebhookSink;
import io.orderhooks.engine.senders.webhooks.WebhookSinkSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Objects;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;

/**
 * The order engine and its OrderCloud-compatible API on one port, calling its integration events and webhooks
 * over HTTP ({@link HttpCheckoutIntegration}, {@link HttpWebhookSink}), wherever the merchant registers them
 * through the API, so the middleware may be written in any language. Every delivery is recorded in
 * {@link #deliveryLog()} (also served at {@code GET v1/deliveries} where the API has that route).
 *
 * <p>Expired group-order invitations and inactive shared carts (with their purge notices) are purged every
 * {@link #PURGE_PERIOD}, judged by the engine's clock, on daemon threads. {@link #close()} stops the API and the
 * purges, then closes the webhook sink (in-flight post-webhooks finish, pending ones
 * become redeliverable dead letters) and the HTTP client. Thread-safe.
 */
public final class EngineServer implements AutoCloseable {

    /**
     * How to run it.
     *
     * @param port the port, 0 for any free one
     * @param admin the marketplace owner's first credentials (ensured at start)
     * @param marketplaceName the seller org's display name
     */
    public record Settings(int port, AdminBootstrap admin, String marketplaceName, Clock clock) {
        public Settings {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
            }
            Objects.requireNonNull(admin, "admin");
            Objects.requireNonNull(marketplaceName, "marketplaceName");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /** How often expired group-order invitations and inactive shared carts are purged. */
    public static final java.time.Duration PURGE_PERIOD = java.time.Duration.ofMinutes(1);

    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private final OkHttpClient http = Transports.defaultHttpClient();
    private final HttpWebhookSink sink;
    private final Engine engine;
    private final Javalin app;
    private final InvitationPurger purger;
    private final SharedCartPurgeSchedule cartPurge;
    private final String baseUrl;

    private EngineServer(Settings settings, UnaryOperator<Engine.Builder> engineSetup) {
        int port = settings.port() == 0 ? freePort() : settings.port();
        this.baseUrl = "http://localhost:" + port;
        HttpCheckoutIntegration checkout = new HttpCheckoutIntegration(
                CheckoutSenderSettings.builder(log).clock(settings.clock()).build(), http);
        this.sink = new HttpWebhookSink(WebhookSinkSettings.builder(log).clock(settings.clock()).build(), http);
        this.engine = engineSetup.apply(Engine.builder().clock(settings.clock()).checkoutIntegration(checkout)
                .webhookSink(sink)).build();
        EngineApi api = EngineApi.builder(engine).issuer(baseUrl).admin(settings.admin()).webhookSink(sink)
                .deliveryLog(log).marketplaceName(settings.marketplaceName()).build();
        this.purger = InvitationPurger.start(engine.groupOrders(), PURGE_PERIOD);
        this.cartPurge = SharedCartPurgeSchedule.start(engine.sharedCartPurger(), PURGE_PERIOD);
        Javalin created = api.create();
        created.unsafe.startup.showJavalinBanner = false;
        this.app = created;
        try {
            app.start(port);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts the engine API; it serves until {@link #close()}. */
    public static EngineServer start(Settings settings) {
        return new EngineServer(settings, b -> b);
    }

    /** As {@link #start(Settings)}, letting the caller add to the engine's builder. */
    public static EngineServer start(Settings settings, UnaryOperator<Engine.Builder> engineSetup) {
        return new EngineServer(settings, engineSetup);
    }

    /** e.g. {@code http://localhost:8080}: the {@code baseApiUrl} of an OrderCloud SDK. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return app.port();
    }

    public Engine engine() {
        return engine;
    }

    public InMemoryDeliveryLog deliveryLog() {
        return log;
    }

    /**
     * Waits until every queued post-webhook has been attempted (delivered, or scheduled for a retry), checking
     * every 10 ms for at most {@code timeout}.
     *
     * @return whether the queue emptied in time
     */
    public boolean awaitWebhooksSent(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sink.queued() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
        purger.close();
        cartPurge.close();
        sink.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the engine API", e);
        }
    }
}
