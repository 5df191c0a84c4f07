package io.orderhooks.webhooks.sender.internal;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.spi.DeliveryRecord;
import io.orderhooks.core.spi.PreHookDecision;
import io.orderhooks.core.spi.Redelivery;
import io.orderhooks.core.spi.WebhookEndpoint;
import io.orderhooks.delivery.Attempt;
import io.orderhooks.delivery.Deliverer;
import io.orderhooks.delivery.RetrySchedule;
import io.orderhooks.delivery.Sent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;

/** The webhook sink behind the HTTP and in-process sinks; only the transport and the path differ. */
public final class WebhookSinkCore {

    private final Deliverer deliverer;
    private final WebhookAttempts attempts;
    private final PreHooks pre;
    private final PostQueue post;
    private final Duration drainTimeout;
    private final List<Thread> workers = new ArrayList<>();
    private final Map<String, WebhookEndpoint> endpoints = new ConcurrentHashMap<>();

    /** Knobs the public settings pass through. */
    public record Options(Duration preTimeLimit, Duration postTimeLimit, RetrySchedule schedule, int queueCapacity,
            int workers, Duration drainTimeout, DoubleSupplier random) {}

    public WebhookSinkCore(Deliverer deliverer, UnaryOperator<String> pathOf, Options o, String threadName) {
        this.deliverer = Objects.requireNonNull(deliverer, "deliverer");
        this.attempts = new WebhookAttempts(pathOf);
        this.pre = new PreHooks(deliverer, attempts, o.preTimeLimit());
        this.post = new PostQueue(deliverer, o.schedule(), o.postTimeLimit(), o.queueCapacity(), o.random());
        this.drainTimeout = o.drainTimeout();
        for (int i = 1; i <= o.workers(); i++) {
            Thread t = new Thread(post::work, threadName + "-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
    }

    public PreHookDecision before(WebhookEndpoint hook, byte[] payload) {
        endpoints.put(hook.id(), hook);
        return pre.before(hook, payload);
    }

    public void after(WebhookEndpoint hook, byte[] payload) {
        endpoints.put(hook.id(), hook);
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
        DeliveryRecord record = deliverer.redeliverable(recordID, DeliveryRecord.Kind.POST_WEBHOOK);
        WebhookEndpoint hook = endpoints.get(record.endpointID());
        if (hook == null) {
            throw OrderCloudException.notFound("Webhook", record.endpointID());
        }
        return redeliver(record, hook);
    }

    public Redelivery.Result redeliver(String recordID, WebhookEndpoint hook) {
        DeliveryRecord record = deliverer.redeliverable(recordID, DeliveryRecord.Kind.POST_WEBHOOK);
        if (!record.endpointID().equals(hook.id())) {
            throw new OrderCloudException(400, "Delivery.EndpointMismatch", "Delivery " + recordID
                    + " was made to webhook " + record.endpointID() + ", not " + hook.id());
        }
        endpoints.put(hook.id(), hook);
        return redeliver(record, hook);
    }

    private Redelivery.Result redeliver(DeliveryRecord record, WebhookEndpoint hook) {
        Attempt attempt = attempts.first(DeliveryRecord.Kind.POST_WEBHOOK, hook, record.requestBody())
                .withRedeliveryOf(record.id());
        Sent sent = post.sendOnce(attempt);
        return new Redelivery.Result(sent.record(), sent.outcome());
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
