package io.orderhooks.webhooks;

import io.orderhooks.core.http.BasePath;
import io.javalin.config.JavalinState;
import io.javalin.plugin.Plugin;
import io.orderhooks.javalin.JavalinMount;
import io.orderhooks.core.http.RawResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Serves a {@link WebhooksDispatcher} from Javalin under a base path: {@code POST {base}} (and any path
 * below it) reaches the dispatcher, {@code GET {base}/health} answers 200 with the registered routes and,
 * for an asynchronous dispatcher, the queue's pending and dead-letter counts. Register one plugin per base
 * path (e.g. {@code /webhooks/pre} and {@code /webhooks/post}); the plugin does not own the dispatcher, so
 * close it yourself after stopping Javalin.
 *
 * <pre>{@code
 * Javalin.create(cfg -> cfg.registerPlugin(new WebhooksPlugin("/webhooks", dispatcher))).start(8080);
 * }</pre>
 */
public final class WebhooksPlugin extends Plugin<Void> {

    private final String basePath;
    private final WebhooksDispatcher dispatcher;

    public WebhooksPlugin(String basePath, WebhooksDispatcher dispatcher) {
        this.basePath = BasePath.normalize(basePath);
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    @Override
    public void onStart(JavalinState state) {
        state.routes.get(basePath + "/health", ctx -> {
            RawResponse health = RawResponse.json(200, health());
            ctx.status(health.status()).contentType(RawResponse.JSON).result(health.body());
        });
        JavalinMount.mount(state.routes, basePath, dispatcher::maxBodyBytes, dispatcher);
    }

    private Map<String, Object> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Status", "UP");
        body.put("Routes", dispatcher.routes());
        if (dispatcher.isAsync()) {
            body.put("Pending", dispatcher.postQueue().pending());
            body.put("DeadLetters", dispatcher.postQueue().deadLetterCount());
        }
        return body;
    }

    @Override
    public boolean repeatable() {
        return true;
    }

    @Override
    public String name() {
        return "orderhooks-webhooks" + basePath;
    }
}
