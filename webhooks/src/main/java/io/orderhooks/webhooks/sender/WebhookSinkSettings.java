package io.orderhooks.webhooks.sender;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.orderhooks.core.spi.DeliveryLog;
import io.orderhooks.delivery.Deliverer;
import io.orderhooks.delivery.RetrySchedule;
import io.orderhooks.delivery.Transport;
import io.orderhooks.delivery.Transports;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How webhooks are sent, shared by {@link HttpWebhookSink} and {@link InProcessWebhookSink}. Immutable once
 * built. Defaults: pre-webhook time limit 5 s; post-webhook time limit 10 s per attempt; schedule
 * {@link RetrySchedule#DEFAULT}; queue capacity 10,000 (pending and in-flight post-webhooks); 2 worker
 * threads (0 means no threads: the owner pumps with {@code runDue()}, as tests do); 5 s to drain on close;
 * one breaker per webhook ID; responses over 1 MiB are rejected unread.
 */
public final class WebhookSinkSettings {

    final DeliveryLog log;
    final Clock clock;
    final Duration preTimeLimit;
    final Duration postTimeLimit;
    final RetrySchedule schedule;
    final int queueCapacity;
    final int workers;
    final Duration drainTimeout;
    final DoubleSupplier random;
    final CircuitBreakerRegistry breakers;
    final int maxResponseBytes;

    private WebhookSinkSettings(Builder b) {
        this.log = b.log;
        this.clock = b.clock;
        this.preTimeLimit = b.preTimeLimit;
        this.postTimeLimit = b.postTimeLimit;
        this.schedule = b.schedule;
        this.queueCapacity = b.queueCapacity;
        this.workers = b.workers;
        this.drainTimeout = b.drainTimeout;
        this.random = b.random;
        this.breakers = b.breakers;
        this.maxResponseBytes = b.maxResponseBytes;
    }

    public static Builder builder(DeliveryLog log) {
        return new Builder(log);
    }

    Deliverer deliverer(Transport transport) {
        Deliverer.Builder b = Deliverer.builder().transport(transport).log(log).clock(clock);
        if (breakers != null) {
            b.breakers(breakers);
        }
        return b.build();
    }

    /** Validating builder; not thread-safe. */
    public static final class Builder {
        private final DeliveryLog log;
        private Clock clock = Clock.systemUTC();
        private Duration preTimeLimit = Duration.ofSeconds(5);
        private Duration postTimeLimit = Duration.ofSeconds(10);
        private RetrySchedule schedule = RetrySchedule.DEFAULT;
        private int queueCapacity = 10_000;
        private int workers = 2;
        private Duration drainTimeout = Duration.ofSeconds(5);
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private CircuitBreakerRegistry breakers;
        private int maxResponseBytes = Transports.DEFAULT_MAX_RESPONSE_BYTES;

        private Builder(DeliveryLog log) {
            this.log = Objects.requireNonNull(log, "log");
        }

        /** Stamps records and decides when retries are due. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder preTimeLimit(Duration limit) {
            this.preTimeLimit = positive("preTimeLimit", limit);
            return this;
        }

        public Builder postTimeLimit(Duration limit) {
            this.postTimeLimit = positive("postTimeLimit", limit);
            return this;
        }

        public Builder schedule(RetrySchedule schedule) {
            this.schedule = Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        public Builder queueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("queueCapacity must be at least 1, was " + capacity);
            }
            this.queueCapacity = capacity;
            return this;
        }

        /** Worker threads delivering post-webhooks; 0 for none (deliveries then happen in {@code runDue()}). */
        public Builder workers(int workers) {
            if (workers < 0) {
                throw new IllegalArgumentException("workers must not be negative, was " + workers);
            }
            this.workers = workers;
            return this;
        }

        public Builder drainTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "drainTimeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("drainTimeout must not be negative, was " + timeout);
            }
            this.drainTimeout = timeout;
            return this;
        }

        /** Uniform in [0, 1): spreads retry waits by the schedule's jitter. */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public Builder breakers(CircuitBreakerRegistry breakers) {
            this.breakers = Objects.requireNonNull(breakers, "breakers");
            return this;
        }

        public Builder maxResponseBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxResponseBytes must be positive, was " + bytes);
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        public WebhookSinkSettings build() {
            return new WebhookSinkSettings(this);
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }
    }
}
