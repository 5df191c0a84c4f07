package io.orderhooks.javalin;

import io.orderhooks.core.http.BasePath;
import io.orderhooks.core.http.OnceAnswer;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.orderhooks.core.receiver.ReceiverErrors;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
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
        boolean async = RawHandler.hasOwnAsyncEntry(handler);
        for (HandlerType method : METHODS) {
            routes.addHttpHandler(method, base + "/*", ctx -> serve(ctx, base, maxBodyBytes.getAsLong(), handler, async));
            if (!base.isEmpty()) {
                // "/base/*" does not match "/base" itself, which is the URL a webhook is registered with
                routes.addHttpHandler(method, base, ctx -> serve(ctx, base, maxBodyBytes.getAsLong(), handler, async));
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

    /**
     * Reads the request, then calls the handler. A handler with its own asynchronous entry (a dispatcher) runs on the
     * request thread inside {@code ctx.future} (servlet async is started first), so its time-out answer can be
     * written from another thread while the request thread is still inside a handler that ignores interruption; the
     * request completes when the handler has returned. Any other handler is called synchronously.
     */
    private static void serve(Context ctx, String base, long maxBodyBytes, RawHandler handler, boolean async) {
        RawRequest request = read(ctx, base, maxBodyBytes);
        if (request == null) {
            return;
        }
        if (async) {
            ctx.future(() -> callAsync(ctx, request, handler));
            return;
        }
        RawResponse response;
        try {
            response = handler.handle(request);
        } catch (RuntimeException e) {
            response = ReceiverErrors.internal(LOG, ctx.method() + " " + ctx.path(), e);
        }
        JavalinBridge.write(ctx, response);
    }

    /** The request as the handler sees it, or null when the body could not be read (the answer is then written). */
    private static RawRequest read(Context ctx, String base, long maxBodyBytes) {
        String path = ctx.path().substring(base.length());
        try {
            return JavalinBridge.read(ctx, path.isEmpty() ? "/" : path, maxBodyBytes);
        } catch (JavalinBridge.BodyTooLarge e) {
            JavalinBridge.write(ctx, ReceiverErrors.tooLarge(maxBodyBytes));
        } catch (JavalinBridge.ClientAborted e) {
            LOG.info("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            JavalinBridge.write(ctx, ReceiverErrors.aborted());
        } catch (RuntimeException e) {
            JavalinBridge.write(ctx, ReceiverErrors.internal(LOG, ctx.method() + " " + ctx.path(), e));
        }
        return null;
    }

    /** Runs inside {@code ctx.future} on the request thread; returns when the handler has and its answer is written. */
    private static CompletableFuture<Void> callAsync(Context ctx, RawRequest request, RawHandler handler) {
        OnceAnswer answer = new OnceAnswer(new ContextAnswer(ctx, Thread.currentThread()));
        ReceiverErrors.callAnswering(handler, request, answer, LOG, ctx.method() + " " + ctx.path());
        return DONE;
    }
}
