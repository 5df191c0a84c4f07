package io.orderhooks.javalin;

import io.javalin.Javalin;
import io.orderhooks.core.http.RawResponse;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback Javalin app with {@link ServerLimits} applied and a handler at {@code /hooks} that counts its calls. */
final class CountingServer {

    private CountingServer() {}

    /** Starts it; the handler answers {@code {"bytes":<body length>}}. Applies {@code limits} twice (installed once). */
    static Javalin start(ServerLimits limits, long maxBodyBytes, AtomicInteger handled) {
        return Javalin.create(cfg -> {
            limits.applyTo(cfg.jetty);
            limits.applyTo(cfg.jetty);
            cfg.startup.showJavalinBanner = false;
            JavalinMount.mount(cfg.routes, "/hooks", () -> maxBodyBytes, request -> {
                handled.incrementAndGet();
                return RawResponse.json(200, ("{\"bytes\":" + request.body().length + "}").getBytes());
            });
        }).start("127.0.0.1", 0);
    }
}
