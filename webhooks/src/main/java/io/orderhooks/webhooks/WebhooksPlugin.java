package io.orderhooks.webhooks;

import io.javalin.config.JavalinState;
import io.javalin.plugin.Plugin;
import io.orderhooks.core.http.BasePath;
import io.orderhooks.javalin.JavalinMount;
import io.orderhooks.javalin.ServerLimits;
import java.util.Objects;

/**
 * Hosts a {@link WebhooksDispatcher} in Javalin: any method on {@code {basePath}} and below reaches the
 * dispatcher (which answers 405 for all but POST, in OrderCloud's shape), and {@code GET {basePath}/health}
 * answers the dispatcher's {@link WebhooksDispatcher#health() health}
 * {@code {"Status":"OK","Routes":[{"Verb","Route","Kind"}]}}. Register one plugin per base path (e.g.
 * {@code /webhooks/pre} and {@code /webhooks/post}), symmetric with the integration-events plugin:
 *
 * <pre>{@code
 * Javalin.create(cfg -> cfg.registerPlugin(WebhooksPlugin.at("/webhooks/pre", dispatcher))).start(8080);
 * }</pre>
 *
 * The plugin does not own the dispatcher: close it yourself after stopping Javalin.
 */
public final class WebhooksPlugin extends Plugin<Void> {

    private final String basePath;
    private final WebhooksDispatcher dispatcher;

    private WebhooksPlugin(String basePath, WebhooksDispatcher dispatcher) {
        this.basePath = BasePath.normalize(basePath);
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    /** The plugin serving {@code dispatcher} under {@code basePath} ({@code ""} or {@code "/"} for the root). */
    public static WebhooksPlugin at(String basePath, WebhooksDispatcher dispatcher) {
        return new WebhooksPlugin(basePath, dispatcher);
    }

    /** The normalized base path, e.g. {@code /webhooks/pre} or {@code ""}. */
    public String basePath() {
        return basePath;
    }

    /** Mounts the dispatcher and installs the shared request deadlines and error pages ({@link ServerLimits}). */
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
        return "WebhooksPlugin(" + (basePath.isEmpty() ? "/" : basePath) + ")";
    }
}
