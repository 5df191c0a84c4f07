package io.orderhooks.core.receiver;

/**
 * State that receivers keep between deliveries and that must be shared when several instances serve one
 * URL behind a load balancer: today the {@link IdempotencyStore} (submit answers, post-webhook
 * {@code LogID}s). Pass one to a dispatcher builder's {@code sharedState(..)}; the webhooks receiver's
 * extension adds its asynchronous queue. Implementations are thread-safe and owned (closed) by the caller.
 */
public interface ReceiverState {

    /** The store every instance using this state shares. */
    IdempotencyStore idempotencyStore();
}
