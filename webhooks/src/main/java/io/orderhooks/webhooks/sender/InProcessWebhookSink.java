package io.orderhooks.webhooks.sender;

import io.orderhooks.core.http.JavalinMount;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.receiver.TimeBudget;
import io.orderhooks.core.spi.DeliveryRecord;
import io.orderhooks.core.spi.PreHookDecision;
import io.orderhooks.core.spi.Redelivery;
import io.orderhooks.core.spi.WebhookEndpoint;
import io.orderhooks.core.spi.WebhookSink;
import io.orderhooks.delivery.Transports;
import io.orderhooks.webhooks.sender.internal.WebhookSinkCore;
import java.net.URI;
import java.util.List;

/**
 * Delivers webhooks to a webhooks dispatcher in this JVM, with no sockets, with exactly the semantics of
 * {@link HttpWebhookSink} (signing, time limits, breakers, failure policy, queue, retries, dead letters,
 * redelivery, recording). The dispatcher receives {@code POST} with the path of the webhook's URL, less
 * {@code mountPath} (where the dispatcher would be mounted on a server, e.g. {@code /webhooks}), so the
 * same webhook URLs work over HTTP and in-process.
 *
 * <p>Thread-safe. Close it to drain the queue and stop the threads that run handlers under the time limit.
 */
public final class InProcessWebhookSink implements WebhookSink, Redelivery, AutoCloseable {

    private final WebhookSinkCore core;
    private final TimeBudget budget = new TimeBudget("orderhooks-webhook-inprocess");

    public InProcessWebhookSink(WebhookSinkSettings settings, RawHandler dispatcher, String mountPath) {
        String base = JavalinMount.normalize(mountPath);
        this.core = new WebhookSinkCore(
                settings.deliverer(Transports.inProcess(dispatcher, budget, settings.maxResponseBytes)),
                url -> relative(url, base), Sinks.options(settings), "orderhooks-webhook-inprocess");
    }

    /** A dispatcher that sees the whole path of each webhook URL. */
    public InProcessWebhookSink(WebhookSinkSettings settings, RawHandler dispatcher) {
        this(settings, dispatcher, "");
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

    public int queued() {
        return core.queued();
    }

    @Override
    public Result redeliver(String recordID) {
        return core.redeliver(recordID);
    }

    public Result redeliver(String recordID, WebhookEndpoint hook) {
        return core.redeliver(recordID, hook);
    }

    public List<DeliveryRecord> shutdown() {
        List<DeliveryRecord> deadLetters = core.close();
        budget.close();
        return deadLetters;
    }

    @Override
    public void close() {
        shutdown();
    }

    static String relative(String url, String base) {
        String path = URI.create(url).getRawPath();
        path = path == null || path.isEmpty() ? "/" : path;
        if (!base.isEmpty() && (path.equals(base) || path.startsWith(base + "/"))) {
            path = path.substring(base.length());
        }
        return path.isEmpty() ? "/" : path;
    }
}
