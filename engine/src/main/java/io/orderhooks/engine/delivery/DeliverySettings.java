package io.orderhooks.engine.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.receiver.TimeBudget;
import io.orderhooks.engine.spi.DeliveryLog;
import io.orderhooks.core.observe.Observer;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * What every sender's settings share: the delivery log, the clock, the circuit breakers (one per endpoint ID,
 * default {@link Deliverer#defaultBreakerConfig} on the clock) and the cap on response bytes read (default
 * {@link Transports#DEFAULT_MAX_RESPONSE_BYTES}; a longer answer is rejected, not read). Each sender's settings
 * extend this with their own knobs; immutable once built, so safe to share between threads.
 */
public abstract class DeliverySettings {

    private final DeliveryLog log;
    private final Clock clock;
    private final CircuitBreakerRegistry breakers;
    private final int maxResponseBytes;
    private final Observer observer;

    protected DeliverySettings(Builder<?> b) {
        this.log = b.log;
        this.clock = b.clock;
        this.breakers = b.breakers;
        this.maxResponseBytes = b.maxResponseBytes;
        this.observer = b.observer;
    }

    /** Told of every attempt, dead letter, breaker change and queue (default {@link Observer#NONE}). */
    public Observer observer() {
        return observer;
    }

    public DeliveryLog log() {
        return log;
    }

    public Clock clock() {
        return clock;
    }

    public int maxResponseBytes() {
        return maxResponseBytes;
    }

    /** A deliverer over {@code transport} that records in the log, stamps with the clock and uses the breakers. */
    public Deliverer deliverer(Transport transport) {
        Deliverer.Builder b = Deliverer.builder().transport(transport).log(log).clock(clock).observer(observer);
        if (breakers != null) {
            b.breakers(breakers);
        }
        return b.build();
    }

    /** {@link Transports#http} with {@code client}, capped at {@link #maxResponseBytes()}. */
    public Transport http(OkHttpClient client) {
        return Transports.http(client, maxResponseBytes);
    }

    /** {@link Transports#inProcess} to {@code handler} on {@code budget}, capped at {@link #maxResponseBytes()}. */
    public Transport inProcess(RawHandler handler, TimeBudget budget) {
        return Transports.inProcess(handler, budget, maxResponseBytes);
    }

    /** {@link Transports#inProcessOnCallerThread} to {@code handler}, capped at {@link #maxResponseBytes()}. */
    public Transport inProcessOnCallerThread(RawHandler handler) {
        return Transports.inProcessOnCallerThread(handler, maxResponseBytes);
    }

    /**
     * The shared part of a sender's validating builder: each setter checks its one value and names it in the
     * message. Not thread-safe.
     *
     * @param <B> the concrete builder, returned by every setter so that calls chain
     */
    public abstract static class Builder<B extends Builder<B>> {
        private final DeliveryLog log;
        private Clock clock = Clock.systemUTC();
        private CircuitBreakerRegistry breakers;
        private int maxResponseBytes = Transports.DEFAULT_MAX_RESPONSE_BYTES;
        private Observer observer = Observer.NONE;

        protected Builder(DeliveryLog log) {
            this.log = Objects.requireNonNull(log, "log");
        }

        /**
         * Told of every attempt ({@link io.orderhooks.core.observe.DeliveryEvent}), dead letter, breaker state change
         * and retry queue; e.g. {@code MicrometerObserver.of(registry)}. Must be fast and must not block.
         */
        public B observer(Observer observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return self();
        }

        /** This builder, typed as the concrete builder. */
        protected abstract B self();

        /** Stamps records, drives the default breakers' open-state wait and decides when retries are due. */
        public B clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return self();
        }

        /** Breakers by endpoint ID. Default: {@link Deliverer#defaultBreakerConfig} on the clock. */
        public B breakers(CircuitBreakerRegistry breakers) {
            this.breakers = Objects.requireNonNull(breakers, "breakers");
            return self();
        }

        public B maxResponseBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxResponseBytes must be positive, was " + bytes);
            }
            this.maxResponseBytes = bytes;
            return self();
        }

        /**
         * {@code d} if it is positive.
         *
         * @throws NullPointerException naming {@code name} for null
         * @throws IllegalArgumentException naming {@code name} for zero or a negative duration
         */
        protected static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }
    }
}
