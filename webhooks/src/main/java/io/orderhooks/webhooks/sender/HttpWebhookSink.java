package io.orderhooks.webhooks.sender;

import io.orderhooks.core.spi.DeliveryRecord;
import io.orderhooks.core.spi.PreHookDecision;
import io.orderhooks.core.spi.Redelivery;
import io.orderhooks.core.spi.WebhookEndpoint;
import io.orderhooks.core.spi.WebhookSink;
import io.orderhooks.delivery.Transports;
import io.orderhooks.webhooks.sender.internal.WebhookSinkCore;
import java.net.URI;
import java.util.List;
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
 *   <li>{@link #after}: queued and returned at once. Workers deliver with the post time limit and, on
 *       failure, retry after the schedule's jittered waits; a failed last attempt is a dead letter. When the
 *       queue is full the delivery is not dropped: it is recorded at once as a dead letter ("queue full"),
 *       redeliverable by ID, and a warning is logged.
 *   <li>{@link #close}: stops accepting (later {@code after} calls are dead-lettered "shutdown"),
 *       dead-letters every pending delivery ("shutdown"), and waits up to the drain time for in-flight ones;
 *       so every accepted payload is either delivered or in the log, redeliverable.
 * </ul>
 *
 * <p>Thread-safe. Every attempt is recorded in the settings' delivery log.
 */
public final class HttpWebhookSink implements WebhookSink, Redelivery, AutoCloseable {

    private final WebhookSinkCore core;

    /** Sends with {@code client} (share {@link Transports#defaultHttpClient()} across senders). */
    public HttpWebhookSink(WebhookSinkSettings settings, OkHttpClient client) {
        this.core = new WebhookSinkCore(settings.deliverer(Transports.http(client, settings.maxResponseBytes)),
                url -> URI.create(url).getRawPath(), Sinks.options(settings), "orderhooks-webhook-http");
    }

    @Override
    public PreHookDecision before(WebhookEndpoint hook, byte[] payload) {
        return core.before(hook, payload);
    }

    @Override
    public void after(WebhookEndpoint hook, byte[] payload) {
        core.after(hook, payload);
    }

    /** Delivers every post-webhook attempt due now on the calling thread; for a sink with 0 workers. */
    public int runDue() {
        return core.runDue();
    }

    /** Post-webhook deliveries pending or in flight. */
    public int queued() {
        return core.queued();
    }

    /** Redelivers a failed post-webhook once, now, to the webhook this sink last knew under its ID. */
    @Override
    public Result redeliver(String recordID) {
        return core.redeliver(recordID);
    }

    /** Redelivers a failed post-webhook once, now, using {@code hook}'s current URL and keys. */
    public Result redeliver(String recordID, WebhookEndpoint hook) {
        return core.redeliver(recordID, hook);
    }

    /** Closes and returns the dead letters written for deliveries that were still pending. */
    public List<DeliveryRecord> shutdown() {
        return core.close();
    }

    @Override
    public void close() {
        shutdown();
    }
}
