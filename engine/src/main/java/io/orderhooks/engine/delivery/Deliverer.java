package io.orderhooks.engine.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.engine.spi.DeliveryLog;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.delivery.internal.Answers;
import io.orderhooks.engine.delivery.internal.Records;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import io.orderhooks.core.observe.DeliveryEvent;
import io.orderhooks.core.observe.Observer;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one attempt through the endpoint's circuit breaker and the transport's time limit, then records it
 * in the delivery log: {@code CircuitBreaker(timeLimited(transport))}; or a call of several attempts
 * ({@link #sendWithRetry}: checkout's safe events), which the breaker lets through and counts once. Post-webhooks
 * retry on a schedule, each attempt a call of its own. Each attempt is one record.
 *
 * <p>Breakers live in a {@link CircuitBreakerRegistry}, one per endpoint ID. Time-outs, unreachable
 * endpoints and 5xx answers count as failures; 2xx and 4xx answers (the receiver is up and said no) as
 * successes. When the breaker is open (or half-open and its trial calls are taken) the transport is not
 * called and the outcome is {@link DeliveryOutcome.CircuitOpen}.
 *
 * <p>Thread-safe; {@link #send} blocks for at most the time limit.
 */
public final class Deliverer {

    private static final Logger LOG = LoggerFactory.getLogger(Deliverer.class);

    /** Default cap on the characters of a response body kept in a record: 64 Ki. */
    public static final int DEFAULT_RECORDED_BODY_CHARS = 64 * 1024;

    private final Transport transport;
    private final DeliveryLog log;
    private final Clock clock;
    private final CircuitBreakerRegistry breakers;
    private final int recordedBodyChars;
    private final Supplier<String> ids;
    private final Observer observer;
    private final Set<String> watchedBreakers = ConcurrentHashMap.newKeySet();

    private Deliverer(Builder b) {
        this.transport = b.transport;
        this.log = b.log;
        this.clock = b.clock;
        this.breakers = b.breakers != null ? b.breakers : CircuitBreakerRegistry.of(defaultBreakerConfig(b.clock).build());
        this.recordedBodyChars = b.recordedBodyChars;
        this.ids = b.ids;
        this.observer = b.observer;
    }

    /** How long the default breaker stays open before its trial call: 5 s. */
    public static final Duration DEFAULT_OPEN_WAIT = Duration.ofSeconds(5);

    /**
     * The default breaker policy: over the last 10 calls (once at least 5 were made), 50% failures open the
     * breaker for {@link #DEFAULT_OPEN_WAIT} (5 s) on {@code clock}; then one trial call decides whether it closes
     * again. The wait is short because an endpoint is often a URL with several instances or one that restarts: while
     * the breaker is open every call fails at once, even the ones an instance could have answered, so it only
     * bridges the burst of failures (a killed instance's connections, a few time-outs on an overloaded machine)
     * and looks again seconds later; an endpoint that keeps failing costs one trial call per wait.
     */
    public static CircuitBreakerConfig.Builder defaultBreakerConfig(Clock clock) {
        return CircuitBreakerConfig.custom()
                .slidingWindow(10, 5, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(50)
                .waitDurationInOpenState(DEFAULT_OPEN_WAIT)
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sends {@code attempt} within {@code timeLimit} and records it. Never throws for a delivery failure. */
    public Sent send(Attempt attempt, Duration timeLimit) {
        CircuitBreaker breaker = breaker(attempt.endpointID());
        if (!breaker.tryAcquirePermission()) {
            return record(attempt, new DeliveryOutcome.CircuitOpen(attempt.endpointID()));
        }
        DeliveryOutcome outcome = exchange(attempt, timeLimit, breaker);
        judge(breaker, outcome, outcome.latency().toNanos());
        return record(attempt, outcome);
    }

    /**
     * Sends {@code first} and, while {@code retry}'s result predicate asks for it, further attempts
     * (numbered 2, 3, ...), each recorded: {@code CircuitBreaker(Retry(timeLimited(transport)))}. The breaker
     * decides once whether the call may go out, and counts the call once, by its last attempt: a call that got
     * through on a later attempt (a connection cut by an instance that died, the next one reaching another instance
     * behind the same URL) is a success, not a failure and a success. The returned outcome is the last attempt's,
     * with its latency measured from the start of the first.
     */
    public Sent sendWithRetry(Attempt first, Duration timeLimit, Retry retry) {
        CircuitBreaker breaker = breaker(first.endpointID());
        if (!breaker.tryAcquirePermission()) {
            return record(first.withNumber(1), new DeliveryOutcome.CircuitOpen(first.endpointID()));
        }
        long start = System.nanoTime();
        AtomicInteger number = new AtomicInteger();
        AtomicReference<Sent> last = new AtomicReference<>();
        retry.executeSupplier(() -> {
            Attempt attempt = first.withNumber(number.incrementAndGet());
            Sent sent = record(attempt, exchange(attempt, timeLimit, breaker));
            last.set(sent);
            return sent.outcome();
        });
        Sent sent = last.get();
        long nanos = System.nanoTime() - start;
        judge(breaker, sent.outcome(), nanos);
        return new Sent(Answers.withLatency(sent.outcome(), Duration.ofNanos(nanos)), sent.record());
    }

    /** The transport's outcome; a transport that breaks its contract and throws gives the permission back first. */
    private DeliveryOutcome exchange(Attempt attempt, Duration timeLimit, CircuitBreaker breaker) {
        try {
            return transport.exchange(attempt.request(), timeLimit);
        } catch (RuntimeException e) {
            breaker.releasePermission();
            throw e;
        }
    }

    private static void judge(CircuitBreaker breaker, DeliveryOutcome outcome, long nanos) {
        if (Answers.endpointFailure(outcome)) {
            breaker.onError(nanos, TimeUnit.NANOSECONDS, new EndpointFailure(outcome.describe()));
        } else {
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private Sent record(Attempt attempt, DeliveryOutcome outcome) {
        DeliveryRecord record = Records.of(ids.get(), attempt, outcome, clock.instant(), recordedBodyChars);
        log.append(record);
        observe(attempt, record, outcome.latency().toNanos());
        if (!record.succeeded()) {
            LOG.warn("{} {} to {} (endpoint {}, attempt {}) failed: {}", attempt.kind(), attempt.subject(),
                    attempt.request().url(), attempt.endpointID(), attempt.number(), record.error());
        }
        return new Sent(outcome, record);
    }

    /**
     * The logged record {@code id} if it may be redelivered by a sender of {@code kind}.
     *
     * @throws OrderCloudException 404 {@code NotFound} for an unknown ID; 400
     *     {@code Delivery.NotRedeliverable} for another kind or a record that is not
     *     {@link DeliveryRecord#redeliverable()}
     */
    public DeliveryRecord redeliverable(String id, DeliveryRecord.Kind kind) {
        DeliveryRecord record = log.find(id).orElseThrow(() -> OrderCloudException.notFound("DeliveryRecord", id));
        if (record.kind() != kind || !record.redeliverable()) {
            throw new OrderCloudException(400, "Delivery.NotRedeliverable", "Delivery " + id + " (" + record.kind()
                    + " " + record.subject() + ", " + (record.succeeded() ? "succeeded" : "failed")
                    + ") cannot be redelivered here: only a failed ordersubmit or post-webhook can");
        }
        return record;
    }

    /**
     * Records that {@code attempt} will not be made ({@code reason}: queue full, shutdown) as a dead letter
     * that can be redelivered.
     */
    public DeliveryRecord deadLetter(Attempt attempt, String reason) {
        DeliveryRecord record = Records.notAttempted(ids.get(), attempt, reason, clock.instant());
        log.append(record);
        observe(attempt, record, 0);
        LOG.warn("{} {} to {} (endpoint {}) dead-lettered before attempt {}: {}", attempt.kind(), attempt.subject(),
                attempt.request().url(), attempt.endpointID(), attempt.number(), reason);
        return record;
    }

    /** The breaker for {@code endpointID}, created on first use from the registry's default config. */
    public CircuitBreaker breaker(String endpointID) {
        CircuitBreaker breaker = breakers.circuitBreaker(endpointID);
        if (observer != Observer.NONE && watchedBreakers.add(endpointID)) {
            breaker.getEventPublisher().onStateTransition(e -> Observer.publish(observer,
                    new DeliveryEvent.BreakerChanged(endpointID, state(e.getStateTransition().getToState()))));
            Observer.publish(observer, new DeliveryEvent.BreakerChanged(endpointID, state(breaker.getState())));
        }
        return breaker;
    }

    /** Who is told of every attempt, dead letter and breaker change. */
    public Observer observer() {
        return observer;
    }

    private void observe(Attempt attempt, DeliveryRecord record, long nanos) {
        if (observer == Observer.NONE) {
            return;
        }
        String kind = attempt.kind().name().toLowerCase(Locale.ROOT);
        Observer.publish(observer, new DeliveryEvent.Attempted(kind, attempt.subject(), attempt.endpointID(),
                outcome(record.outcome()), record.succeeded(), nanos));
        if (record.deadLetter()) {
            Observer.publish(observer, new DeliveryEvent.DeadLettered(kind, attempt.endpointID()));
        }
    }

    static DeliveryEvent.Outcome outcome(DeliveryRecord.OutcomeKind kind) {
        return switch (kind) {
            case DELIVERED -> DeliveryEvent.Outcome.DELIVERED;
            case REJECTED -> DeliveryEvent.Outcome.REJECTED;
            case TIMED_OUT -> DeliveryEvent.Outcome.TIMED_OUT;
            case UNREACHABLE -> DeliveryEvent.Outcome.UNREACHABLE;
            case CIRCUIT_OPEN -> DeliveryEvent.Outcome.BREAKER_OPEN;
            case NOT_ATTEMPTED -> DeliveryEvent.Outcome.NOT_ATTEMPTED;
        };
    }

    private static DeliveryEvent.BreakerState state(CircuitBreaker.State state) {
        return DeliveryEvent.BreakerState.valueOf(state.name());
    }

    public DeliveryLog log() {
        return log;
    }

    public Clock clock() {
        return clock;
    }

    /** Marks an outcome counted against a breaker; carries no stack trace. */
    static final class EndpointFailure extends Exception {
        EndpointFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** Validating builder; not thread-safe. */
    public static final class Builder {
        private Transport transport;
        private DeliveryLog log;
        private Clock clock = Clock.systemUTC();
        private CircuitBreakerRegistry breakers;
        private int recordedBodyChars = DEFAULT_RECORDED_BODY_CHARS;
        private Supplier<String> ids = () -> "dlv-" + UUID.randomUUID();
        private Observer observer = Observer.NONE;

        private Builder() {}

        /** Told of every attempt, dead letter and breaker state change; must not block. Default: none. */
        public Builder observer(Observer observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        public Builder log(DeliveryLog log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /** Stamps records and drives the default breakers' open-state wait. Default: system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Breakers by endpoint ID. Default: {@link #defaultBreakerConfig} on this builder's clock. */
        public Builder breakers(CircuitBreakerRegistry breakers) {
            this.breakers = Objects.requireNonNull(breakers, "breakers");
            return this;
        }

        public Builder recordedBodyChars(int chars) {
            if (chars < 0) {
                throw new IllegalArgumentException("recordedBodyChars must not be negative, was " + chars);
            }
            this.recordedBodyChars = chars;
            return this;
        }

        /** Record IDs. Default: {@code dlv-} and a random UUID. */
        public Builder ids(Supplier<String> ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /** @throws IllegalStateException naming the first required setting missing */
        public Deliverer build() {
            if (transport == null) {
                throw new IllegalStateException("transport is required");
            }
            if (log == null) {
                throw new IllegalStateException("log is required");
            }
            return new Deliverer(this);
        }
    }
}
