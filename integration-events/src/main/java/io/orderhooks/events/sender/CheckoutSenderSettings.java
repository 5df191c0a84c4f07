package io.orderhooks.events.sender;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.orderhooks.core.spi.DeliveryLog;
import io.orderhooks.delivery.Deliverer;
import io.orderhooks.delivery.Transport;
import io.orderhooks.delivery.Transports;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How checkout events are sent, shared by {@link HttpCheckoutIntegration} and
 * {@link InProcessCheckoutIntegration}. Immutable once built.
 *
 * <ul>
 *   <li>{@code timeLimit} (default 10 s): per attempt, covering connect, send, wait and reading the answer.
 *   <li>{@code maxAttempts} (default 3) and {@code retryWait} (default 200 ms): only shipping rates and
 *       calculate are retried, and only when the endpoint was unreachable; so the worst case for those is
 *       {@code maxAttempts * timeLimit + (maxAttempts - 1) * retryWait}; submit and approval events get one
 *       attempt.
 *   <li>{@code breakers}: one breaker per integration event ID (default {@link Deliverer#defaultBreakerConfig}).
 *   <li>{@code maxResponseBytes} (default 1 MiB): a longer answer is rejected, not read.
 * </ul>
 */
public final class CheckoutSenderSettings {

    final DeliveryLog log;
    final Clock clock;
    final Duration timeLimit;
    final int maxAttempts;
    final Duration retryWait;
    final CircuitBreakerRegistry breakers;
    final int maxResponseBytes;

    private CheckoutSenderSettings(Builder b) {
        this.log = b.log;
        this.clock = b.clock;
        this.timeLimit = b.timeLimit;
        this.maxAttempts = b.maxAttempts;
        this.retryWait = b.retryWait;
        this.breakers = b.breakers;
        this.maxResponseBytes = b.maxResponseBytes;
    }

    public static Builder builder(DeliveryLog log) {
        return new Builder(log);
    }

    public Duration timeLimit() {
        return timeLimit;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public DeliveryLog log() {
        return log;
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
        private Duration timeLimit = Duration.ofSeconds(10);
        private int maxAttempts = 3;
        private Duration retryWait = Duration.ofMillis(200);
        private CircuitBreakerRegistry breakers;
        private int maxResponseBytes = Transports.DEFAULT_MAX_RESPONSE_BYTES;

        private Builder(DeliveryLog log) {
            this.log = Objects.requireNonNull(log, "log");
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder timeLimit(Duration limit) {
            this.timeLimit = positive("timeLimit", limit);
            return this;
        }

        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        public Builder retryWait(Duration wait) {
            this.retryWait = positive("retryWait", wait);
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

        public CheckoutSenderSettings build() {
            return new CheckoutSenderSettings(this);
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
