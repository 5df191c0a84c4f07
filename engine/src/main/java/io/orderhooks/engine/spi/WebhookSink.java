package io.orderhooks.engine.spi;

/**
 * The engine's port for webhooks. Payloads are the exact bytes of a {@code WebhookPayload}; senders sign
 * and send them unchanged.
 *
 * <p>{@link #before} is synchronous and bounded in time; {@link #after} must return at once (it queues the
 * delivery) and must not lose an accepted payload. Both never throw for a delivery failure. Implementations
 * are thread-safe.
 */
public interface WebhookSink {

    /** Asks a pre-webhook whether the request may proceed. */
    PreHookDecision before(WebhookEndpoint hook, byte[] payload);

    /** Hands a post-webhook (or message event) over for delivery. */
    void after(WebhookEndpoint hook, byte[] payload);

    /** A sink that lets everything proceed and delivers nothing: for an engine with no webhooks. */
    WebhookSink NONE = new WebhookSink() {
        @Override
        public PreHookDecision before(WebhookEndpoint hook, byte[] payload) {
            return new PreHookDecision(true, null, null);
        }

        @Override
        public void after(WebhookEndpoint hook, byte[] payload) {}
    };
}
