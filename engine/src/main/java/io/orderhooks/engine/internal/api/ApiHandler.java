package io.orderhooks.engine.internal.api;

/**
 * One API operation: reads what it needs from the request and returns the response body (a wire record, a
 * {@code ListPage}, or null for no body). Throws {@link io.orderhooks.core.error.OrderCloudException} for
 * any refusal; the API turns it into OrderCloud's error shape.
 */
@FunctionalInterface
public interface ApiHandler {

    Object handle(ApiRequest request);
}
