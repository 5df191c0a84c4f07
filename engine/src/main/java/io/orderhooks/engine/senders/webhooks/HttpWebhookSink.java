package io.orderhooks.engine.senders.webhooks;

import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.engine.delivery.Transports;
import java.net.URI;
import okhttp3.OkHttpClient;

/**
 * Delivers webhooks over HTTP: POSTs the exact payload bytes to the webhook's URL, signed with
 * {@code X-oc-hash} under its {@code HashKey} when it has one, with its custom auth header when set.
 *
 * <ul>
 *   <li>{@link #before}: one synchronous attempt within the pre-webhook time limit, through the webhook's
 *       circuit breaker. The reply {@code {"proceed":..,"body":..}} decides; a failed delivery or an
 *       unusable reply is decided by {@link WebhookEndpoint#proceedOnFailure()} (default: block, with a
 *       body describing the failure).
 *   <li>{@link #after}: recorded in the settings' {@link io.orderhooks.engine.delivery.Outbox} and returned at
 *       once (a durable outbox writes it in the caller's store transaction). Workers claim it under a lease,
 *       deliver with the post time limit and, on failure, retry after the schedule's jittered waits; a failed last
 *       attempt is a dead letter. When an in-memory outbox is full the delivery is not dropped: it is recorded at
 *       once as a dead letter ("queue full"), redeliverable by ID, and a warning is logged.
 *   <li>{@link #close}: stops accepting (later {@code after} calls are dead-lettered "shutdown") and waits up to
 *       the drain time for in-flight deliveries. An in-memory outbox's pending deliveries become dead letters
 *       ("shutdown"); a durable outbox keeps them for the next start. So every accepted payload is delivered,
 *       still queued, or in the log, redeliverable.
 * </ul>
 *
 * <p>Thread-safe. Every attempt is recorded in the settings' delivery log.
 */
public final class HttpWebhookSink extends AbstractWebhookSink {

    /** Sends with {@code client} (share {@link Transports#defaultHttpClient()} across senders). */
    public HttpWebhookSink(WebhookSinkSettings settings, OkHttpClient client) {
        super(settings, settings.http(client), url -> URI.create(url).getRawPath(), "orderhooks-webhook-http");
    }
}
