package io.orderhooks.engine.delivery;

import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.receiver.TimeBudget;
import io.orderhooks.engine.delivery.internal.NoDelaySocketFactory;
import io.orderhooks.engine.delivery.internal.OkHttpTransport;
import io.orderhooks.engine.delivery.internal.RawHandlerTransport;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/** The two ways orderhooks delivers: over HTTP with OkHttp, or in-process to a dispatcher. */
public final class Transports {

    /** Default cap on response bytes read: 1 MiB. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

    private Transports() {}

    /** Idle keep-alive connections the default client keeps (all hosts together): one per concurrent checkout call. */
    public static final int DEFAULT_MAX_IDLE_CONNECTIONS = 64;

    /**
     * The OkHttp client orderhooks senders share: no automatic retry on connection failure (retrying is
     * the sender's decision, made per event), no redirects (a 3xx is a rejection), connect timeout 5 s, and up to
     * {@link #DEFAULT_MAX_IDLE_CONNECTIONS} idle keep-alive connections for 5 minutes (OkHttp's own default keeps 5,
     * so with more checkouts in flight than that every call beyond the fifth paid for a new connection, and a TLS
     * handshake where the middleware uses HTTPS). Sockets have {@code TCP_NODELAY} ({@link NoDelaySocketFactory}:
     * with Nagle's algorithm on, each request larger than one segment waited ~40 ms for a delayed acknowledgement).
     * Each call gets its own call timeout from the sender. Share one instance per JVM: it owns the connection pool.
     */
    public static OkHttpClient defaultHttpClient() {
        return new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(Duration.ofSeconds(5))
                .socketFactory(new NoDelaySocketFactory())
                .connectionPool(new okhttp3.ConnectionPool(DEFAULT_MAX_IDLE_CONNECTIONS, 5, java.util.concurrent.TimeUnit.MINUTES))
                .build();
    }

    /**
     * POSTs over HTTP with {@code client} (sharing its connection pool), reading at most {@code maxResponseBytes} of
     * an answer. Before a request is written on a pooled keep-alive connection, the connection is checked (at most
     * 1 ms) for having been closed by the other side (a receiver or load balancer instance that died, restarted or
     * timed the connection out); such a connection is dropped and the request goes out on another one within the
     * same time limit, as one attempt: it had certainly not been sent.
     */
    public static Transport http(OkHttpClient client, int maxResponseBytes) {
        return new OkHttpTransport(client, maxResponseBytes);
    }

    /**
     * Calls {@code handler} on this JVM with a {@code RawRequest} of the exact bytes and headers, on
     * {@code budget}'s threads so the time limit holds even for a handler that hangs (it is interrupted).
     * A handler that throws is reported as unreachable.
     */
    public static Transport inProcess(RawHandler handler, TimeBudget budget, int maxResponseBytes) {
        return new RawHandlerTransport(handler, Objects.requireNonNull(budget, "budget"), maxResponseBytes);
    }

    /**
     * Calls {@code handler} on the caller's thread with a {@code RawRequest} of the exact bytes and headers:
     * no thread hop, and so no time limit of its own. Use it only for a handler that bounds its own time and
     * answers (the integration-events dispatcher answers 504 when its handler overruns); a handler that hangs
     * blocks the caller. A handler that throws is reported as unreachable.
     */
    public static Transport inProcessOnCallerThread(RawHandler handler, int maxResponseBytes) {
        return new RawHandlerTransport(handler, null, maxResponseBytes);
    }
}
