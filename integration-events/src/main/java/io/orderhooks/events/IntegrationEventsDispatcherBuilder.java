package io.orderhooks.events;

import io.orderhooks.core.receiver.IdempotencyStore;
import io.orderhooks.core.receiver.InMemoryIdempotencyStore;
import io.orderhooks.core.receiver.ReceiverState;
import io.orderhooks.core.receiver.RequestGuard;
import io.orderhooks.core.receiver.SignaturePolicy;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.core.observe.Observer;
import io.orderhooks.events.internal.EventCall;
import io.orderhooks.events.internal.EventRoute;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects handlers, hash keys and policies for an {@link IntegrationEventsDispatcher}. Each setter checks
 * its own argument and names it in the message; {@link #build()} checks the combination (at least one
 * handler; every handled event has a hash key unless {@link #unsignedUnsafe()} was chosen). Not thread-safe.
 */
public final class IntegrationEventsDispatcherBuilder {

    /** Dispatcher-wide settings handed to the dispatcher. */
    record Settings(long maxBodyBytes, IdempotencyStore store, Clock clock, Observer observer) {}

    /** Default per-handler time limit. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

    private final Map<CheckoutEventType, EventCall> handlers = new EnumMap<>(CheckoutEventType.class);
    private final Map<CheckoutEventType, EventCall> fallbacks = new EnumMap<>(CheckoutEventType.class);
    private final Map<CheckoutEventType, List<String>> eventKeys = new EnumMap<>(CheckoutEventType.class);
    private final Map<CheckoutEventType, Duration> timeLimits = new EnumMap<>(CheckoutEventType.class);
    private List<String> defaultKeys = List.of();
    private boolean unsigned;
    private Duration defaultTimeLimit = DEFAULT_TIME_LIMIT;
    private long maxBodyBytes = RequestGuard.DEFAULT_MAX_BODY_BYTES;
    private IdempotencyStore store;
    private Clock clock = Clock.systemUTC();
    private Observer observer = Observer.NONE;

    IntegrationEventsDispatcherBuilder() {}

    public IntegrationEventsDispatcherBuilder shippingRates(ShippingRatesHandler handler) {
        return register(CheckoutEventType.SHIPPING_RATES, "shippingRates", handler == null ? null : handler::estimate);
    }

    /**
     * A shipping-rates handler with backup rates, answered (and validated) when {@code handler} throws
     * anything but a {@link CheckoutException} or runs out of time; e.g.
     * {@link ShippingRatesHandler#flatRate}.
     */
    public IntegrationEventsDispatcherBuilder shippingRates(ShippingRatesHandler handler, ShippingRatesHandler backupRates) {
        Objects.requireNonNull(backupRates, "backupRates");
        shippingRates(handler);
        fallbacks.put(CheckoutEventType.SHIPPING_RATES, backupRates::estimate);
        return this;
    }

    public IntegrationEventsDispatcherBuilder orderCalculate(OrderCalculateHandler handler) {
        return register(CheckoutEventType.ORDER_CALCULATE, "orderCalculate", handler == null ? null : handler::calculate);
    }

    /** A calculate handler with a fallback, used as {@link #shippingRates(ShippingRatesHandler, ShippingRatesHandler)} uses backup rates. */
    public IntegrationEventsDispatcherBuilder orderCalculate(OrderCalculateHandler handler, OrderCalculateHandler fallback) {
        Objects.requireNonNull(fallback, "fallback");
        orderCalculate(handler);
        fallbacks.put(CheckoutEventType.ORDER_CALCULATE, fallback::calculate);
        return this;
    }

    public IntegrationEventsDispatcherBuilder orderSubmit(OrderSubmitHandler handler) {
        return register(CheckoutEventType.ORDER_SUBMIT, "orderSubmit", handler == null ? null : handler::submit);
    }

    public IntegrationEventsDispatcherBuilder orderSubmitForApproval(OrderSubmitForApprovalHandler handler) {
        return register(CheckoutEventType.ORDER_SUBMIT_FOR_APPROVAL, "orderSubmitForApproval",
                handler == null ? null : handler::submitForApproval);
    }

    public IntegrationEventsDispatcherBuilder orderApproved(OrderApprovedHandler handler) {
        return register(CheckoutEventType.ORDER_APPROVED, "orderApproved", handler == null ? null : handler::approved);
    }

    /** The {@code OrderReturn} integration event's {@code /calculateorderreturn} (serve it at that event's URL). */
    public IntegrationEventsDispatcherBuilder orderReturnCalculate(OrderReturnCalculateHandler handler) {
        return register(CheckoutEventType.ORDER_RETURN_CALCULATE, "orderReturnCalculate", handler == null ? null : handler::calculate);
    }

    /** The hash keys of every event without its own keys; the first is current, the rest for rotation. */
    public IntegrationEventsDispatcherBuilder hashKeys(String... keys) {
        defaultKeys = checkKeys("hashKeys", keys);
        return this;
    }

    /** Hash keys for one event endpoint, replacing the default keys there. */
    public IntegrationEventsDispatcherBuilder hashKeys(CheckoutEventType event, String... keys) {
        Objects.requireNonNull(event, "event");
        eventKeys.put(event, checkKeys("hashKeys(" + event.suffix() + ")", keys));
        return this;
    }

    /**
     * Accept requests without {@code X-oc-hash}. Unsafe: anyone who can reach the URL can call the handlers.
     * For tests and local demos only; cannot be combined with hash keys.
     */
    public IntegrationEventsDispatcherBuilder unsignedUnsafe() {
        unsigned = true;
        return this;
    }

    /** The time limit of every handler without its own (default 10 s). */
    public IntegrationEventsDispatcherBuilder timeLimit(Duration limit) {
        defaultTimeLimit = checkLimit("timeLimit", limit);
        return this;
    }

    public IntegrationEventsDispatcherBuilder timeLimit(CheckoutEventType event, Duration limit) {
        Objects.requireNonNull(event, "event");
        timeLimits.put(event, checkLimit("timeLimit(" + event.suffix() + ")", limit));
        return this;
    }

    /** Largest accepted body in bytes (default 4 MiB); larger ones are answered 413 unread. */
    public IntegrationEventsDispatcherBuilder maxBodyBytes(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + bytes);
        }
        maxBodyBytes = bytes;
        return this;
    }

    /** Where submit and approval answers are remembered (default: in memory, 24 h). */
    public IntegrationEventsDispatcherBuilder idempotencyStore(IdempotencyStore store) {
        this.store = Objects.requireNonNull(store, "idempotencyStore");
        return this;
    }

    /**
     * Shares submit and approval answers with other instances serving the same URL: the same as
     * {@code idempotencyStore(state.idempotencyStore())}.
     */
    public IntegrationEventsDispatcherBuilder sharedState(ReceiverState state) {
        return idempotencyStore(Objects.requireNonNull(state, "sharedState").idempotencyStore());
    }

    /** The clock for call durations and the default store's retention. */
    public IntegrationEventsDispatcherBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Told of every request ({@link io.orderhooks.core.observe.ReceiverEvent}: route, outcome, duration) and every
     * handler run (in flight, latency); e.g. {@code MicrometerObserver.of(registry)} from {@code orderhooks-micrometer}.
     * Called on request and handler threads; must be fast and must not block. Default {@link Observer#NONE}.
     */
    public IntegrationEventsDispatcherBuilder observer(Observer observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        return this;
    }

    /**
     * @throws IllegalStateException naming the problem: no handler, an event without hash keys (and no
     *     {@code unsignedUnsafe()}), keys combined with {@code unsignedUnsafe()}, or keys or a time limit
     *     for an event without a handler
     */
    public IntegrationEventsDispatcher build() {
        if (handlers.isEmpty()) {
            throw new IllegalStateException("no handler is registered: register at least one of shippingRates, "
                    + "orderCalculate, orderSubmit, orderSubmitForApproval, orderApproved, orderReturnCalculate");
        }
        checkOnlyHandledEvents(eventKeys, "hash keys");
        checkOnlyHandledEvents(timeLimits, "a time limit");
        if (unsigned && (!defaultKeys.isEmpty() || !eventKeys.isEmpty())) {
            throw new IllegalStateException("unsignedUnsafe() cannot be combined with hash keys: choose one");
        }
        Map<CheckoutEventType, EventRoute> routes = new EnumMap<>(CheckoutEventType.class);
        handlers.forEach((type, handler) -> routes.put(type, new EventRoute(type, handler, fallbacks.get(type),
                timeLimits.getOrDefault(type, defaultTimeLimit), signature(type),
                type == CheckoutEventType.ORDER_SUBMIT || type == CheckoutEventType.ORDER_APPROVED)));
        IdempotencyStore idempotency = store != null ? store : new InMemoryIdempotencyStore(clock);
        return new IntegrationEventsDispatcher(routes, new Settings(maxBodyBytes, idempotency, clock, observer));
    }

    private SignaturePolicy signature(CheckoutEventType type) {
        if (unsigned) {
            return SignaturePolicy.unsignedUnsafe();
        }
        List<String> keys = eventKeys.getOrDefault(type, defaultKeys);
        if (keys.isEmpty()) {
            throw new IllegalStateException("no hash key for " + type.suffix() + ": set hashKeys(...) to the "
                    + "integration event's HashKey, or call unsignedUnsafe() to accept unsigned requests (unsafe: "
                    + "anyone who can reach the URL could call the handler)");
        }
        return SignaturePolicy.keys(keys);
    }

    private IntegrationEventsDispatcherBuilder register(CheckoutEventType type, String name, EventCall handler) {
        Objects.requireNonNull(handler, name);
        if (handlers.containsKey(type)) {
            throw new IllegalStateException("a " + name + " handler is already registered");
        }
        handlers.put(type, handler);
        return this;
    }

    private void checkOnlyHandledEvents(Map<CheckoutEventType, ?> perEvent, String what) {
        perEvent.keySet().stream().filter(type -> !handlers.containsKey(type)).findFirst().ifPresent(type -> {
            throw new IllegalStateException(what + " given for " + type.suffix() + " but no handler is registered for it");
        });
    }

    private static List<String> checkKeys(String name, String... keys) {
        if (keys == null || keys.length == 0) {
            throw new IllegalArgumentException(name + " needs at least one key");
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == null || keys[i].isBlank()) {
                throw new IllegalArgumentException(name + "[" + i + "] must not be null or blank");
            }
        }
        return List.of(keys);
    }

    private static Duration checkLimit(String name, Duration limit) {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + limit);
        }
        return limit;
    }
}
