package io.orderhooks.javalin;

import io.javalin.config.JettyConfig;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.EagerContentHandler;

/**
 * Request deadlines and error pages for every orderhooks HTTP server (the engine's API and the receivers), applied
 * to Javalin's Jetty with {@link #applyTo(JettyConfig)}:
 *
 * <ul>
 *   <li>Request bodies are loaded asynchronously before a worker thread runs the handler, so slow or stalled
 *       uploads hold a connection but no thread; authentication and signature checks then run on complete bodies.
 *   <li>{@code minRequestBytesPerSecond} and {@code bodyRateGrace}: once the grace period has passed after the
 *       request headers, the body bytes this request has delivered must average at least this rate since the
 *       headers (256 bytes/s and 5 s: 1,280 bytes after 5 s, 2,560 after 10 s), or the request is answered 408
 *       {@code Request.BodyTooSlow} and its connection closed; 0 turns the check off. Counted per request: a body
 *       arriving at network speed is never refused, however many requests run at once.
 *   <li>{@code bodyDeadline}: a body must have fully arrived this long after the request headers, however steadily
 *       it arrives, or the request is answered 408 {@code Request.Timeout} and its connection closed.
 *   <li>In both cases the handler is never called; the limits end when the body (or the first
 *       {@code maxBufferedBodyBytes}) has arrived, so they never cut a handler's own work short.
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
 * @param bodyRateGrace how long after the headers a body may arrive slower than {@code minRequestBytesPerSecond}
 */
public record ServerLimits(Duration idleTimeout, Duration bodyDeadline, long minRequestBytesPerSecond,
        int maxRequestHeaderBytes, long maxBufferedBodyBytes, Duration bodyRateGrace) {

    /** The grace period of the minimum body rate unless given: 5 s. */
    public static final Duration DEFAULT_BODY_RATE_GRACE = Duration.ofSeconds(5);

    /**
     * 30 s idle, 20 s to send a body, at least 256 bytes/s after 5 s, 16 KiB of headers, 4 MiB + 1 byte buffered.
     */
    public static final ServerLimits DEFAULTS = new ServerLimits(Duration.ofSeconds(30), Duration.ofSeconds(20), 256,
            16 * 1024, 4L * 1024 * 1024 + 1, DEFAULT_BODY_RATE_GRACE);

    public ServerLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(bodyDeadline, "bodyDeadline");
        Objects.requireNonNull(bodyRateGrace, "bodyRateGrace");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || bodyDeadline.isNegative() || bodyDeadline.isZero()
                || bodyRateGrace.isNegative() || bodyRateGrace.isZero()) {
            throw new IllegalArgumentException("idleTimeout, bodyDeadline and bodyRateGrace must be positive");
        }
        if (minRequestBytesPerSecond < 0 || maxRequestHeaderBytes < 1024 || maxBufferedBodyBytes < 1) {
            throw new IllegalArgumentException("minRequestBytesPerSecond >= 0, maxRequestHeaderBytes >= 1024 and"
                    + " maxBufferedBodyBytes >= 1 are required");
        }
    }

    /** The limits with the default grace period of the minimum body rate ({@link #DEFAULT_BODY_RATE_GRACE}). */
    public ServerLimits(Duration idleTimeout, Duration bodyDeadline, long minRequestBytesPerSecond,
            int maxRequestHeaderBytes, long maxBufferedBodyBytes) {
        this(idleTimeout, bodyDeadline, minRequestBytesPerSecond, maxRequestHeaderBytes, maxBufferedBodyBytes,
                DEFAULT_BODY_RATE_GRACE);
    }

    /** These limits with another {@code maxBufferedBodyBytes} (e.g. a server's own body limit + 1 byte). */
    public ServerLimits withMaxBufferedBodyBytes(long bytes) {
        return new ServerLimits(idleTimeout, bodyDeadline, minRequestBytesPerSecond, maxRequestHeaderBytes, bytes,
                bodyRateGrace);
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
            server.setHandler(new BodyDeadlineHandler(BodyPace.of(this), eager));
            server.setErrorHandler(new OrderCloudErrorHandler());
        });
        jetty.modifyServletContextHandler(context -> context.setErrorHandler(new OrderCloudErrorHandler()));
    }
}
