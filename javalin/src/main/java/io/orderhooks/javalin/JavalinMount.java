package io.orderhooks.javalin;

import io.orderhooks.core.http.BasePath;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.http.RawResponse;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.orderhooks.core.receiver.ReceiverErrors;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts a {@link RawHandler} under a base path in Javalin for every common method, so the handler (not
 * Javalin) decides 404 and 405. The sub-path it sees starts with {@code /} and excludes the base path; the
 * base path itself is served too, as {@code /}.
 */
public final class JavalinMount {

    private static final Logger LOG = LoggerFactory.getLogger(JavalinMount.class);
    private static final List<HandlerType> METHODS =
            List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private JavalinMount() {}

    /**
     * Routes {@code basePath/*} to {@code handler}, reading bodies up to {@code maxBodyBytes} (an oversize
     * body is answered 413 in OrderCloud's shape without being buffered).
     *
     * @param basePath e.g. {@code /integration} or {@code ""} for the root
     */
    public static void mount(JavalinDefaultRoutingApi routes, String basePath, LongSupplier maxBodyBytes,
            RawHandler handler) {
        String base = BasePath.normalize(basePath);
        errorPages(routes);
        for (HandlerType method : METHODS) {
            routes.addHttpHandler(method, base + "/*", ctx -> serve(ctx, base, maxBodyBytes.getAsLong(), handler));
            if (!base.isEmpty()) {
                // "/base/*" does not match "/base" itself, which is the URL a webhook is registered with
                routes.addHttpHandler(method, base, ctx -> serve(ctx, base, maxBodyBytes.getAsLong(), handler));
            }
        }
    }

    /**
     * Javalin's own 404 (no route) and 405 answers in OrderCloud's error shape; answers a handler already gave in
     * that shape are left alone. Safe to call more than once.
     */
    public static void errorPages(JavalinDefaultRoutingApi routes) {
        routes.error(404, ctx -> {
            if (!isOrderCloudError(ctx.result())) {
                JavalinBridge.write(ctx, ReceiverErrors.notFound(ctx.method() + " " + ctx.path()));
            }
        });
        routes.error(405, ctx -> {
            if (!isOrderCloudError(ctx.result())) {
                JavalinBridge.write(ctx, RawResponse.error(405, "MethodNotAllowed",
                        ctx.method() + " is not allowed on " + ctx.path()));
            }
        });
    }

    private static boolean isOrderCloudError(String result) {
        return result != null && result.startsWith("{\"Errors\"");
    }

    /**
     * A receiver's routes: {@code GET basePath/health} answering {@code health} (called per request), then
     * {@link #mount} for everything else under {@code basePath}. Both receiver plugins use it, so their health
     * routes and body handling stay alike.
     */
    public static void mountReceiver(JavalinDefaultRoutingApi routes, String basePath, Supplier<RawResponse> health,
            LongSupplier maxBodyBytes, RawHandler handler) {
        String base = BasePath.normalize(basePath);
        routes.get(base + "/health", ctx -> JavalinBridge.write(ctx, health.get()));
        mount(routes, base, maxBodyBytes, handler);
    }

    private static void serve(Context ctx, String base, long maxBodyBytes, RawHandler handler) {
        String path = ctx.path().substring(base.length());
        RawResponse response;
        try {
            response = handler.handle(JavalinBridge.read(ctx, path.isEmpty() ? "/" : path, maxBodyBytes));
        } catch (JavalinBridge.BodyTooLarge e) {
            response = ReceiverErrors.tooLarge(maxBodyBytes);
        } catch (JavalinBridge.ClientAborted e) {
            LOG.info("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            response = RawResponse.error(400, "Request.Aborted", "The request body was not received completely");
        } catch (RuntimeException e) {
            response = ReceiverErrors.internal(LOG, ctx.method() + " " + ctx.path(), e);
        }
        JavalinBridge.write(ctx, response);
    }
}
