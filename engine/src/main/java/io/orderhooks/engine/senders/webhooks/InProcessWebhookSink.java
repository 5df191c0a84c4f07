package io.orderhooks.engine.senders.webhooks;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.http.BasePath;
import io.orderhooks.javalin.JavalinMount;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.receiver.TimeBudget;
import io.orderhooks.engine.spi.DeliveryRecord;
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
public final class InProcessWebhookSink extends AbstractWebhookSink {

    private final TimeBudget budget;

    public InProcessWebhookSink(WebhookSinkSettings settings, RawHandler dispatcher, String mountPath) {
        this(settings, dispatcher, BasePath.normalize(mountPath), new TimeBudget("orderhooks-webhook-inprocess"));
    }

    /** A dispatcher that sees the whole path of each webhook URL. */
    public InProcessWebhookSink(WebhookSinkSettings settings, RawHandler dispatcher) {
        this(settings, dispatcher, "");
    }

    private InProcessWebhookSink(WebhookSinkSettings settings, RawHandler dispatcher, String base, TimeBudget budget) {
        super(settings, settings.inProcess(dispatcher, budget), url -> relative(url, base),
                "orderhooks-webhook-inprocess");
        this.budget = budget;
    }

    /** Closes (also stopping the handler threads) and returns the dead letters written for pending deliveries. */
    @Override
    public List<DeliveryRecord> shutdown() {
        List<DeliveryRecord> deadLetters = super.shutdown();
        budget.close();
        return deadLetters;
    }

    /** Refused with 400 {@code Delivery.NotReplayable}: this sink calls a dispatcher in this JVM, never a URL. */
    @Override
    public Result replayTo(String recordID, String url) {
        throw new OrderCloudException(400, "Delivery.NotReplayable", "Delivery " + recordID + " cannot be sent to "
                + url + ": this engine delivers webhooks to a dispatcher in process, not over HTTP");
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
