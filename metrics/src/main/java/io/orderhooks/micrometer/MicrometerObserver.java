package io.orderhooks.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderhooks.core.observe.DeliveryEvent;
import io.orderhooks.core.observe.EngineEvent;
import io.orderhooks.core.observe.ObservedEvent;
import io.orderhooks.core.observe.Observer;
import io.orderhooks.core.observe.ReceiverEvent;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Turns orderhooks' typed events into Micrometer meters on any {@link MeterRegistry}. Every meter, its tags and its
 * Prometheus name are listed in {@code docs/OPERATIONS-METRICS.md}; the names are the constants below. Latencies are
 * timers with a percentile histogram (Prometheus {@code _bucket} series from 100 µs to 30 s, for
 * {@code histogram_quantile} p50/p95/p99 across instances).
 *
 * <pre>{@code
 * Observer metrics = MicrometerObserver.of(registry);
 * IntegrationEventsDispatcher.builder().observer(metrics)...;
 * WebhooksDispatcher.builder().observer(metrics)...;
 * OrderEngine.create(cfg -> cfg.observer(metrics)...);
 * }</pre>
 *
 * <p>One instance may serve any number of dispatchers and an engine at once. Thread-safe; meters are created on
 * first use and cached, so an event costs a map lookup and an increment (or a histogram record).
 */
public final class MicrometerObserver implements Observer {

    public static final String RECEIVER_REQUESTS = "orderhooks.receiver.requests";
    public static final String RECEIVER_HANDLER_DURATION = "orderhooks.receiver.handler.duration";
    public static final String RECEIVER_HANDLERS_ACTIVE = "orderhooks.receiver.handlers.active";
    public static final String RECEIVER_QUEUE_DEPTH = "orderhooks.receiver.queue.depth";
    public static final String RECEIVER_DEAD_LETTERS = "orderhooks.receiver.dead.letters";
    public static final String DELIVERY_ATTEMPTS = "orderhooks.delivery.attempts";
    public static final String DELIVERY_DURATION = "orderhooks.delivery.duration";
    public static final String DELIVERY_BREAKER_STATE = "orderhooks.delivery.breaker.state";
    public static final String DELIVERY_QUEUE_DEPTH = "orderhooks.delivery.queue.depth";
    public static final String DELIVERY_DEAD_LETTERS = "orderhooks.delivery.dead.letters";
    public static final String ENGINE_ORDERS = "orderhooks.engine.orders";
    public static final String ENGINE_CHECKOUT_CALLS = "orderhooks.engine.checkout.calls";
    public static final String ENGINE_TOKENS_ISSUED = "orderhooks.engine.tokens.issued";
    public static final String ENGINE_LOGINS_FAILED = "orderhooks.engine.logins.failed";

    private static final Map<String, String> HELP = Map.ofEntries(
            Map.entry(RECEIVER_REQUESTS, "Requests a receiver answered, by route and outcome"),
            Map.entry(RECEIVER_HANDLER_DURATION, "Time a receiver's handler (or fallback) ran"),
            Map.entry(RECEIVER_HANDLERS_ACTIVE, "Handlers running now"),
            Map.entry(RECEIVER_QUEUE_DEPTH, "Post-webhooks queued, running or waiting to retry"),
            Map.entry(RECEIVER_DEAD_LETTERS, "Queued post-webhooks whose retries were exhausted"),
            Map.entry(DELIVERY_ATTEMPTS, "Delivery attempts to middleware, by kind, endpoint and outcome"),
            Map.entry(DELIVERY_DURATION, "Time a delivery attempt took (breaker-open and unattempted excluded)"),
            Map.entry(DELIVERY_BREAKER_STATE, "Circuit breaker state: 0 closed, 1 open, 2 half-open, 3 disabled, 4 forced open"),
            Map.entry(DELIVERY_QUEUE_DEPTH, "Deliveries pending or in flight in a retry queue"),
            Map.entry(DELIVERY_DEAD_LETTERS, "Failed deliveries that will not be retried automatically"),
            Map.entry(ENGINE_ORDERS, "Orders submitted, approved or declined through the API"),
            Map.entry(ENGINE_CHECKOUT_CALLS, "Checkout integration event calls, by event and outcome"),
            Map.entry(ENGINE_TOKENS_ISSUED, "Access tokens issued, by grant type"),
            Map.entry(ENGINE_LOGINS_FAILED, "Token requests refused, by grant type and error code"));

    private static final Duration MIN_LATENCY = Duration.ofNanos(100_000);
    private static final Duration MAX_LATENCY = Duration.ofSeconds(30);

    private record Key(String name, String a, String b, String c) {}

    private final MeterRegistry registry;
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();
    private final Map<Key, AtomicInteger> levels = new ConcurrentHashMap<>();

    private MicrometerObserver(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** An observer registering its meters in {@code registry}. */
    public static MicrometerObserver of(MeterRegistry registry) {
        return new MicrometerObserver(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void on(ObservedEvent event) {
        if (event instanceof ReceiverEvent r) {
            onReceiver(r);
        } else if (event instanceof DeliveryEvent d) {
            onDelivery(d);
        } else if (event instanceof EngineEvent e) {
            onEngine(e);
        }
    }

    private void onReceiver(ReceiverEvent event) {
        if (event instanceof ReceiverEvent.Handled h) {
            counter(RECEIVER_REQUESTS, "receiver", h.receiver(), "route", h.route(), "outcome", h.outcome().tag())
                    .increment();
        } else if (event instanceof ReceiverEvent.HandlerStarted s) {
            level(RECEIVER_HANDLERS_ACTIVE, "receiver", s.receiver(), "route", s.route()).incrementAndGet();
        } else if (event instanceof ReceiverEvent.HandlerFinished f) {
            level(RECEIVER_HANDLERS_ACTIVE, "receiver", f.receiver(), "route", f.route()).decrementAndGet();
            timer(RECEIVER_HANDLER_DURATION, "receiver", f.receiver(), "route", f.route())
                    .record(f.nanos(), TimeUnit.NANOSECONDS);
        } else if (event instanceof ReceiverEvent.QueueAttached q) {
            depth(RECEIVER_QUEUE_DEPTH, "receiver", q.receiver(), q.depth());
        } else if (event instanceof ReceiverEvent.DeadLettered d) {
            counter(RECEIVER_DEAD_LETTERS, "receiver", d.receiver(), "route", d.route(), null, null).increment();
        }
    }

    private void onDelivery(DeliveryEvent event) {
        if (event instanceof DeliveryEvent.Attempted a) {
            counter(DELIVERY_ATTEMPTS, "kind", a.kind(), "endpoint", a.endpointID(), "outcome", a.outcome().tag())
                    .increment();
            if (a.outcome() != DeliveryEvent.Outcome.BREAKER_OPEN && a.outcome() != DeliveryEvent.Outcome.NOT_ATTEMPTED) {
                timer(DELIVERY_DURATION, "kind", a.kind(), "endpoint", a.endpointID())
                        .record(a.nanos(), TimeUnit.NANOSECONDS);
            }
        } else if (event instanceof DeliveryEvent.DeadLettered d) {
            counter(DELIVERY_DEAD_LETTERS, "kind", d.kind(), "endpoint", d.endpointID(), null, null).increment();
        } else if (event instanceof DeliveryEvent.BreakerChanged b) {
            level(DELIVERY_BREAKER_STATE, "endpoint", b.endpointID(), null, null).set(b.state().level());
        } else if (event instanceof DeliveryEvent.QueueAttached q) {
            depth(DELIVERY_QUEUE_DEPTH, "queue", q.queue(), q.depth());
        }
    }

    private void onEngine(EngineEvent event) {
        if (event instanceof EngineEvent.OrderTransitioned o) {
            counter(ENGINE_ORDERS, "transition", o.transition().tag(), null, null, null, null).increment();
        } else if (event instanceof EngineEvent.CheckoutCalled c) {
            counter(ENGINE_CHECKOUT_CALLS, "event", c.event(), "outcome", c.outcome().tag(), null, null).increment();
        } else if (event instanceof EngineEvent.TokenIssued t) {
            counter(ENGINE_TOKENS_ISSUED, "grant", t.grantType(), null, null, null, null).increment();
        } else if (event instanceof EngineEvent.LoginFailed f) {
            counter(ENGINE_LOGINS_FAILED, "grant", f.grantType(), "reason", f.errorCode(), null, null).increment();
        }
    }

    /** A counter with up to three tags (a null name ends the list). */
    private Counter counter(String name, String k1, String v1, String k2, String v2, String k3, String v3) {
        return counters.computeIfAbsent(new Key(name, v1, v2, v3),
                key -> Counter.builder(name).description(HELP.get(name)).tags(tags(k1, v1, k2, v2, k3, v3)).register(registry));
    }

    private Timer timer(String name, String k1, String v1, String k2, String v2) {
        return timers.computeIfAbsent(new Key(name, v1, v2, null), key -> Timer.builder(name).description(HELP.get(name)).tags(tags(k1, v1, k2, v2))
                .publishPercentileHistogram().minimumExpectedValue(MIN_LATENCY).maximumExpectedValue(MAX_LATENCY)
                .register(registry));
    }

    /** An integer the registry reads as a gauge (in-flight handlers, breaker state). */
    private AtomicInteger level(String name, String k1, String v1, String k2, String v2) {
        return levels.computeIfAbsent(new Key(name, v1, v2, null), key -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder(name, value, AtomicInteger::get).description(HELP.get(name)).tags(tags(k1, v1, k2, v2)).strongReference(true)
                    .register(registry);
            return value;
        });
    }

    private void depth(String name, String tagKey, String tagValue, IntSupplier depth) {
        Gauge.builder(name, depth, IntSupplier::getAsInt).description(HELP.get(name)).tags(tagKey, tagValue).strongReference(true)
                .register(registry);
    }

    private static String[] tags(String... keyValues) {
        int n = 0;
        while (n < keyValues.length && keyValues[n] != null) {
            n += 2;
        }
        String[] tags = new String[n];
        for (int i = 0; i < n; i++) {
            tags[i] = keyValues[i] == null ? "" : keyValues[i];
        }
        return tags;
    }

    @Override
    public String toString() {
        return "MicrometerObserver[" + registry.getClass().getSimpleName() + "]";
    }
}
