package io.orderhooks.webhooks;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How asynchronous post-webhooks are queued and retried. Immutable; build with {@link #builder()}.
 *
 * <p>The delay before retry {@code n} (n = 1 after the first failure) is
 * {@code min(initialBackoff * multiplier^(n-1), maxBackoff)}, measured on the dispatcher's clock.
 *
 * @param capacity deliveries held at once (ready, running or waiting to retry); beyond it the receiver answers 503
 * @param workers threads running handlers; 0 means none: deliveries run only in {@link PostQueue#runDue()}
 * @param maxAttempts attempts per delivery before it is dead-lettered
 * @param initialBackoff delay before the first retry
 * @param multiplier growth of the delay per retry, at least 1
 * @param maxBackoff upper bound of the delay
 * @param pollInterval how often (real time) workers look for retries that have come due
 * @param deadLetterLimit dead letters kept; the oldest are dropped (and logged) beyond it
 * @param listener told of every step; must not block
 */
public record AsyncPostOptions(int capacity, int workers, int maxAttempts, Duration initialBackoff, double multiplier,
        Duration maxBackoff, Duration pollInterval, int deadLetterLimit, Consumer<PostQueueEvent> listener) {

    public AsyncPostOptions {
        Objects.requireNonNull(listener, "listener");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The delay after failed attempt {@code attempt} (1-based). */
    public Duration backoffAfter(int attempt) {
        double factor = Math.pow(multiplier, Math.max(0, attempt - 1));
        double millis = Math.min(initialBackoff.toMillis() * factor, (double) maxBackoff.toMillis());
        return Duration.ofMillis((long) millis);
    }

    /** Mutable builder; each setter checks its own value and names it. Not thread-safe. */
    public static final class Builder {
        private int capacity = 1_000;
        private int workers = 1;
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private double multiplier = 2.0;
        private Duration maxBackoff = Duration.ofMinutes(5);
        private Duration pollInterval = Duration.ofMillis(200);
        private int deadLetterLimit = 10_000;
        private Consumer<PostQueueEvent> listener = e -> { };

        private Builder() {}

        public Builder capacity(int capacity) {
            this.capacity = atLeast("capacity", capacity, 1);
            return this;
        }

        public Builder workers(int workers) {
            this.workers = atLeast("workers", workers, 0);
            return this;
        }

        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = atLeast("maxAttempts", maxAttempts, 1);
            return this;
        }

        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = positive("initialBackoff", initialBackoff);
            return this;
        }

        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be a finite number >= 1, was " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = positive("maxBackoff", maxBackoff);
            return this;
        }

        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = positive("pollInterval", pollInterval);
            return this;
        }

        public Builder deadLetterLimit(int deadLetterLimit) {
            this.deadLetterLimit = atLeast("deadLetterLimit", deadLetterLimit, 1);
            return this;
        }

        public Builder listener(Consumer<PostQueueEvent> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @throws IllegalArgumentException if maxBackoff is shorter than initialBackoff */
        public AsyncPostOptions build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must not be shorter than "
                        + "initialBackoff (" + initialBackoff + ")");
            }
            return new AsyncPostOptions(capacity, workers, maxAttempts, initialBackoff, multiplier, maxBackoff,
                    pollInterval, deadLetterLimit, listener);
        }

        private static int atLeast(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
            }
            return value;
        }

        private static Duration positive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
            }
            return value;
        }
    }
}
