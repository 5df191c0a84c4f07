package io.orderhooks.engine.senders.webhooks.internal;

import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.PreHookDecision;
import io.orderhooks.engine.spi.Redelivery;
import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.engine.delivery.Deliverer;
import io.orderhooks.engine.delivery.Outbox;
import io.orderhooks.engine.delivery.Redeliveries;
import io.orderhooks.engine.delivery.RetrySchedule;
import io.orderhooks.engine.delivery.Sent;
import io.orderhooks.core.observe.DeliveryEvent;
import io.orderhooks.core.observe.Observer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;

/** The webhook sink behind the HTTP and in-process sinks; only the transport and the path differ. */
public final class WebhookSinkCore {

    private final WebhookAttempts attempts;
    private final PreHooks pre;
    private final PostQueue post;
    private final Duration drainTimeout;
    private final List<Thread> workers = new ArrayList<>();
    private final Redeliveries<WebhookEndpoint> redeliveries;

    /** Knobs the public settings pass through. */
    public record Options(Duration preTimeLimit, Duration postTimeLimit, RetrySchedule schedule, int queueCapacity,
            int workers, Duration drainTimeout, DoubleSupplier random, Outbox outbox) {

        /** The outbox to deliver from: the configured one, or a new in-memory one of the queue's capacity. */
        Outbox outboxOrInMemory() {
            return outbox != null ? outbox : Outbox.inMemory(queueCapacity);
        }
    }

    public WebhookSinkCore(Deliverer deliverer, UnaryOperator<String> pathOf, Options o, String threadName) {
        Objects.requireNonNull(deliverer, "deliverer");
        this.attempts = new WebhookAttempts(pathOf);
        this.pre = new PreHooks(deliverer, attempts, o.preTimeLimit());
        this.post = new PostQueue(deliverer, o.schedule(), o.postTimeLimit(), o.queueCapacity(), o.random(),
                o.outboxOrInMemory());
        this.drainTimeout = o.drainTimeout();
        Observer.publish(deliverer.observer(), new DeliveryEvent.QueueAttached("post_webhook", post::size));
        this.redeliveries = new Redeliveries<>(deliverer, DeliveryRecord.Kind.POST_WEBHOOK, "Webhook", "webhook",
                WebhookEndpoint::id, this::resend);
        for (int i = 1; i <= o.workers(); i++) {
            Thread t = new Thread(post::work, threadName + "-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
    }

    public PreHookDecision before(WebhookEndpoint hook, byte[] payload) {
        redeliveries.remember(hook);
        return pre.before(hook, payload);
    }

    public void after(WebhookEndpoint hook, byte[] payload) {
        redeliveries.remember(hook);
        post.accept(attempts.first(DeliveryRecord.Kind.POST_WEBHOOK, hook, payload));
    }

    public int runDue() {
        return post.runDue();
    }

    public int queued() {
        return post.size();
    }

    public PostQueue queue() {
        return post;
    }

    public Redelivery.Result redeliver(String recordID) {
        return redeliveries.redeliver(recordID);
    }

    public Redelivery.Result redeliver(String recordID, WebhookEndpoint hook) {
        return redeliveries.redeliver(recordID, hook);
    }

    /** Sends a copy of a post-webhook record to {@code url}, signed with the hook's current key. */
    public Redelivery.Result replayTo(String recordID, String url) {
        return redeliveries.replayTo(recordID, url, (h, u) -> new WebhookEndpoint(h.id(), u, h.hashKey(),
                h.customAuthHeaderName(), h.customAuthHeaderValue(), h.beforeProcessRequest(), h.proceedOnFailure()));
    }

    private Sent resend(DeliveryRecord record, WebhookEndpoint hook) {
        return post.sendOnce(attempts.first(DeliveryRecord.Kind.POST_WEBHOOK, hook, record.requestBody())
                .withRedeliveryOf(record.id()));
    }

    /** Dead-letters what is pending, lets in-flight deliveries finish within the drain time, stops workers. */
    public List<DeliveryRecord> close() {
        List<DeliveryRecord> deadLetters = post.close(drainTimeout);
        for (Thread t : workers) {
            t.interrupt();
        }
        return deadLetters;
    }
}
