package io.orderhooks.engine.senders.webhooks;

import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.PreHookDecision;
import io.orderhooks.engine.spi.Redelivery;
import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.engine.spi.WebhookSink;
import io.orderhooks.engine.delivery.Transport;
import io.orderhooks.engine.senders.webhooks.internal.WebhookSinkCore;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What {@link HttpWebhookSink} and {@link InProcessWebhookSink} share: everything but the {@link Transport}
 * and the path a dispatcher sees. Thread-safe; every attempt is recorded in the settings' delivery log.
 */
public abstract sealed class AbstractWebhookSink implements WebhookSink, Redelivery, AutoCloseable
        permits HttpWebhookSink, InProcessWebhookSink {

    private final WebhookSinkCore core;

    AbstractWebhookSink(WebhookSinkSettings settings, Transport transport, UnaryOperator<String> pathOf,
            String threadName) {
        this.core = new WebhookSinkCore(settings.deliverer(transport), pathOf, settings.options(), threadName);
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

    /** Sends a copy of a post-webhook record to {@code url} (see {@link Redelivery#replayTo}). */
    @Override
    public Result replayTo(String recordID, String url) {
        return core.replayTo(recordID, url);
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
