package io.orderhooks.middleware.postgres;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.javalin.Javalin;
import io.orderhooks.core.model.OrderSubmitResponse;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.IntegrationEventsPlugin;
import io.orderhooks.javalin.HealthProbes;
import io.orderhooks.webhooks.AsyncPostOptions;
import io.orderhooks.webhooks.WebhooksDispatcher;
import io.orderhooks.webhooks.WebhooksPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * One middleware instance for the multi-process tests: {@code /integration/ordersubmit} (exports by appending
 * {@code export <orderID>} to a shared file, taking 300 ms like a slow ERP), asynchronous post-webhooks under
 * {@code /webhooks} (appending {@code post <LogID>}), {@code /health} and {@code /ready}, all on the shared
 * state. Mode {@code hang}: the post handler appends {@code started <LogID>} and never returns (an instance
 * about to die with deliveries in hand). Prints {@code LISTENING <port>} when serving.
 *
 * <p>Arguments: state URL, record file, mode ({@code record} or {@code hang}).
 */
public final class MiddlewareInstanceMain {

    static final String SUBMIT_ROUTE = "v1/orders/{direction}/{orderID}/submit";

    private MiddlewareInstanceMain() {}

    public static void main(String[] args) throws Exception {
        Path records = Path.of(args[1]);
        boolean hang = args[2].equals("hang");
        MiddlewareState state = MiddlewareState.postgresql(args[0]);
        IntegrationEventsDispatcher events = IntegrationEventsDispatcher.builder().unsignedUnsafe().sharedState(state)
                .orderSubmit(e -> {
                    pause(300);
                    append(records, "export " + e.orderID());
                    return new OrderSubmitResponse(null, null,
                            JsonNodeFactory.instance.objectNode().put("ExportedBy", ProcessHandle.current().pid()), null);
                }).build();
        WebhooksDispatcher posts = WebhooksDispatcher.builder().unsignedUnsafe().sharedState(state)
                .postTimeLimit(Duration.ofMinutes(5))
                .asyncPosts(AsyncPostOptions.builder().workers(2).pollInterval(Duration.ofMillis(50)).build())
                .postHook("POST", SUBMIT_ROUTE, e -> {
                    if (hang) {
                        append(records, "started " + e.logId());
                        new CountDownLatch(1).await();
                    }
                    append(records, "post " + e.logId());
                }).build();
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.registerPlugin(IntegrationEventsPlugin.at("/integration", events));
            cfg.registerPlugin(WebhooksPlugin.at("/webhooks", posts));
            cfg.registerPlugin(HealthProbes.create().check("state", state::problem));
        }).start("127.0.0.1", 0);
        System.out.println("LISTENING " + app.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    static synchronized void append(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
