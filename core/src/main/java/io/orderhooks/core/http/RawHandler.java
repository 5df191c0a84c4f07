package io.orderhooks.core.http;

/**
 * A transport-agnostic receiver: raw request in, raw response out. Dispatchers implement it; adapters for
 * Javalin, servlets, the JDK's {@code HttpServer} or serverless hosts call it. Implementations must be
 * thread-safe and must not throw: every failure becomes a response.
 */
@FunctionalInterface
public interface RawHandler {

    RawResponse handle(RawRequest request);
}
