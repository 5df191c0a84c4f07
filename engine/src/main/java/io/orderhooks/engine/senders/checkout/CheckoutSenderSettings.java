package io.orderhooks.engine.senders.checkout;

import io.orderhooks.engine.spi.DeliveryLog;
import io.orderhooks.engine.delivery.Deliverer;
import io.orderhooks.engine.delivery.DeliverySettings;
import java.time.Duration;

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
public final class CheckoutSenderSettings extends DeliverySettings {

    final Duration timeLimit;
    final int maxAttempts;
    final Duration retryWait;

    private CheckoutSenderSettings(Builder b) {
        super(b);
        this.timeLimit = b.timeLimit;
        this.maxAttempts = b.maxAttempts;
        this.retryWait = b.retryWait;
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

    /** Validating builder; not thread-safe. */
    public static final class Builder extends DeliverySettings.Builder<Builder> {
        private Duration timeLimit = Duration.ofSeconds(10);
        private int maxAttempts = 3;
        private Duration retryWait = Duration.ofMillis(200);

        private Builder(DeliveryLog log) {
            super(log);
        }

        @Override
        protected Builder self() {
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

        public CheckoutSenderSettings build() {
            return new CheckoutSenderSettings(this);
        }
    }
}
