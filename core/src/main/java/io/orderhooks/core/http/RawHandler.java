package io.orderhooks.core.http;

import java.time.Duration;

/**
 * A transport-agnostic receiver: raw request in, raw response out. Dispatchers implement it; adapters for
 * Javalin, servlets, the JDK's {@code HttpServer} or serverless hosts call it. Implementations must be
 * thread-safe and must not throw: every failure becomes a response.
 */
@FunctionalInterface
public interface RawHandler {

    RawResponse handle(RawRequest request);

    /**
     * Whether a call to {@code path} is sure to be answered within {@code limit} of handler time because this
     * handler bounds its own work (a dispatcher with per-route time limits answering 504). In-process senders
     * then call it on their own thread instead of bounding it again. The default, {@code false}, is always safe.
     */
    default boolean answersWithin(String path, Duration limit) {
        return false;
    }
}
