package io.orderhooks.javalin;

import io.javalin.config.JettyConfig;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;

/**
 * Request deadlines and error pages for every orderhooks HTTP server (the engine's API and the receivers), applied
 * to Javalin's Jetty with {@link #applyTo(JettyConfig)}:
 *
 * <ul>
 *   <li>Request bodies are loaded asynchronously before a worker thread runs the handler, so slow or stalled
 *       uploads hold a connection but no thread; authentication and signature checks then run on complete bodies.
 *   <li>{@code bodyDeadline}: a body must have fully arrived this long after the request headers, or the
 *       connection is closed (the client sees a reset).
 *   <li>{@code minRequestBytesPerSecond}: handed to Jetty's {@code MinimumDataRateHandler}, meant to refuse a body
 *       arriving slower than this. Jetty 12.1 measures the handler's total bytes read, not the request's, so it
 *       practically never refuses; {@code bodyDeadline} is the limit that stops a slow body.
 *   <li>{@code idleTimeout}: a request whose connection is silent this long is failed (Jetty's connector idle
 *       timeout, 30 s by default, closes idle keep-alive connections).
 *   <li>{@code maxRequestHeaderBytes}: request line plus headers larger than this are answered 431 (414 for a long
 *       URI).
 *   <li>Every error Jetty itself answers (400 bad path, 404, 405, 413, 414, 415, 431...) is in OrderCloud's error
 *       shape, not HTML.
 * </ul>
 *
 * Applying the limits to the same configuration twice (e.g. two receiver plugins) installs them once.
 *
 * @param maxBufferedBodyBytes the most body bytes loaded ahead of the handler; larger bodies reach the handler
 *     partly loaded, which then refuses them (413) against its own, smaller limit
 */
public record ServerLimits(Duration idleTimeout, Duration bodyDeadline, long minRequestBytesPerSecond,
        int maxRequestHeaderBytes, long maxBufferedBodyBytes) {

    /** 30 s idle, 20 s to send a body, at least 256 bytes/s, 16 KiB of headers, 4 MiB + 1 byte buffered. */
    public static final ServerLimits DEFAULTS = new ServerLimits(Duration.ofSeconds(30), Duration.ofSeconds(20), 256,
            16 * 1024, 4L * 1024 * 1024 + 1);

    public ServerLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(bodyDeadline, "bodyDeadline");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || bodyDeadline.isNegative() || bodyDeadline.isZero()) {
            throw new IllegalArgumentException("idleTimeout and bodyDeadline must be positive");
        }
        if (minRequestBytesPerSecond < 0 || maxRequestHeaderBytes < 1024 || maxBufferedBodyBytes < 1) {
            throw new IllegalArgumentException("minRequestBytesPerSecond >= 0, maxRequestHeaderBytes >= 1024 and"
                    + " maxBufferedBodyBytes >= 1 are required");
        }
    }

    /** Installs these limits on a Javalin configuration's Jetty (before the server starts). */
    public void applyTo(JettyConfig jetty) {
        jetty.modifyHttpConfiguration(http -> {
            http.setIdleTimeout(idleTimeout.toMillis());
            http.setRequestHeaderSize(maxRequestHeaderBytes);
            http.setSendServerVersion(false);
        });
        jetty.modifyServer(server -> {
            if (server.getHandler() instanceof BodyDeadlineHandler) {
                return;
            }
            Handler.Wrapper loaded = new BodyDeadlineHandler.Reached();
            Handler eager = new EagerContentHandler(loaded,
                    new EagerContentHandler.RetainedContentLoaderFactory(maxBufferedBodyBytes, 0, false));
            Handler rated = minRequestBytesPerSecond > 0 ? new MinimumDataRateHandler(eager, minRequestBytesPerSecond, 0) : eager;
            server.setHandler(new BodyDeadlineHandler(bodyDeadline, rated));
            server.setErrorHandler(new OrderCloudErrorHandler());
        });
        jetty.modifyServletContextHandler(context -> context.setErrorHandler(new OrderCloudErrorHandler()));
    }
}
