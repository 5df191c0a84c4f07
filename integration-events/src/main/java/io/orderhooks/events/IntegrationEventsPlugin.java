package io.orderhooks.events;

import io.orderhooks.core.http.BasePath;
import io.javalin.config.JavalinState;
import io.javalin.plugin.Plugin;
import io.orderhooks.javalin.JavalinMount;
import io.orderhooks.javalin.ServerLimits;
import java.util.Objects;

/**
 * Hosts an {@link IntegrationEventsDispatcher} in Javalin: {@code {basePath}/shippingrates} etc. (every
 * method, so the dispatcher answers 404 and 405 in OrderCloud's shape) and {@code GET {basePath}/health}
 * returning {@link IntegrationEventsDispatcher#health() {"Status":"OK","Events":[...]}}. Register with
 * {@code Javalin.create(cfg -> cfg.registerPlugin(IntegrationEventsPlugin.at("/integration", dispatcher)))};
 * several may be registered at different base paths. The dispatcher's lifecycle stays with the caller.
 */
public final class IntegrationEventsPlugin extends Plugin<Void> {

    private final String basePath;
    private final IntegrationEventsDispatcher dispatcher;

    private IntegrationEventsPlugin(String basePath, IntegrationEventsDispatcher dispatcher) {
        this.basePath = BasePath.normalize(basePath);
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    /** The plugin serving {@code dispatcher} under {@code basePath} ({@code ""} or {@code "/"} for the root). */
    public static IntegrationEventsPlugin at(String basePath, IntegrationEventsDispatcher dispatcher) {
        return new IntegrationEventsPlugin(basePath, dispatcher);
    }

    /** The normalized base path, e.g. {@code /integration} or {@code ""}. */
    public String basePath() {
        return basePath;
    }

    @Override
    public void onInitialize(JavalinState state) {
        ServerLimits.DEFAULTS.applyTo(state.jetty);
        JavalinMount.mountReceiver(state.routes, basePath, dispatcher::health, dispatcher::maxBodyBytes, dispatcher);
    }

    @Override
    public boolean repeatable() {
        return true;
    }

    @Override
    public String name() {
        return "IntegrationEventsPlugin(" + (basePath.isEmpty() ? "/" : basePath) + ")";
    }
}
