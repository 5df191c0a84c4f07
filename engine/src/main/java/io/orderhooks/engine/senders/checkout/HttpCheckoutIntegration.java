package io.orderhooks.engine.senders.checkout;

import io.orderhooks.engine.delivery.Transports;
import okhttp3.OkHttpClient;

/**
 * Delivers checkout events over HTTP: POSTs the exact payload bytes to
 * {@code {CustomImplementationUrl}/{suffix}}, signed with {@code X-oc-hash} under the endpoint's
 * {@code HashKey}, with its custom auth header when set and an {@code Idempotency-Key} on
 * {@code ordersubmit}, {@code ordersubmitforapproval} and {@code orderapproved}.
 *
 * <p>Composition, outermost first: {@code CircuitBreaker(Retry(timeLimited(call)))}: the breaker counts each
 * call once, by its last attempt. Each attempt is bounded by the settings' time limit and recorded in the
 * delivery log. Shipping rates and calculate are retried after connection failures only; submit and approval
 * events never (a pooled connection the middleware had already closed is not a failure: the request goes out on
 * another connection, see {@code Transports#http}). A failed {@code ordersubmit}
 * can be redelivered by its record ID: the recorded bytes are re-sent with the same idempotency key.
 *
 * <p>Thread-safe; {@link #deliver} blocks the calling thread for at most the time limit per attempt and
 * never throws for a delivery failure.
 */
public final class HttpCheckoutIntegration extends AbstractCheckoutIntegration {

    /** Sends with {@code client} (share {@link Transports#defaultHttpClient()} across senders). */
    public HttpCheckoutIntegration(CheckoutSenderSettings settings, OkHttpClient client) {
        super(settings, settings.http(client));
    }
}
