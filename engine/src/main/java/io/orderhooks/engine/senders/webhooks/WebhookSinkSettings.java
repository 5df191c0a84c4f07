package io.orderhooks.engine.senders.webhooks;

import io.orderhooks.engine.spi.DeliveryLog;
import io.orderhooks.engine.delivery.DeliverySettings;
import io.orderhooks.engine.delivery.Outbox;
import io.orderhooks.engine.delivery.RetrySchedule;
import io.orderhooks.engine.senders.webhooks.internal.WebhookSinkCore;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How webhooks are sent, shared by {@link HttpWebhookSink} and {@link InProcessWebhookSink}. Immutable once
 * built. Defaults: pre-webhook time limit 5 s; post-webhook time limit 10 s per attempt; schedule
 * {@link RetrySchedule#DEFAULT}; queue capacity 10,000 (pending and in-flight post-webhooks); 2 worker
 * threads (0 means no threads: the owner pumps with {@code runDue()}, as tests do); 5 s to drain on close;
 * one breaker per webhook ID; responses over 1 MiB are rejected unread; an in-memory outbox (see {@link Builder#outbox}).
 */
public final class WebhookSinkSettings extends DeliverySettings {

    private final WebhookSinkCore.Options options;

    private WebhookSinkSettings(Builder b) {
        super(b);
        this.options = new WebhookSinkCore.Options(b.preTimeLimit, b.postTimeLimit, b.schedule, b.queueCapacity,
                b.workers, b.drainTimeout, b.random, b.outbox);
    }

    public static Builder builder(DeliveryLog log) {
        return new Builder(log);
    }

    /** The knobs the internal sink takes. */
    WebhookSinkCore.Options options() {
        return options;
    }

    /** Validating builder; not thread-safe. */
    public static final class Builder extends DeliverySettings.Builder<Builder> {
        private Duration preTimeLimit = Duration.ofSeconds(5);
        private Duration postTimeLimit = Duration.ofSeconds(10);
        private RetrySchedule schedule = RetrySchedule.DEFAULT;
        private int queueCapacity = 10_000;
        private int workers = 2;
        private Duration drainTimeout = Duration.ofSeconds(5);
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private Outbox outbox;

        private Builder(DeliveryLog log) {
            super(log);
        }

        @Override
        protected Builder self() {
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

        /**
         * Where accepted post-webhooks wait (see {@link Outbox}). Default: a new in-memory outbox of
         * {@link #queueCapacity} entries, whose waiting deliveries become dead letters at close. The engine passes its
         * store's durable outbox when the store has one; {@code queueCapacity} does not bound a durable outbox.
         */
        public Builder outbox(Outbox outbox) {
            this.outbox = Objects.requireNonNull(outbox, "outbox");
            return this;
        }

        public WebhookSinkSettings build() {
            return new WebhookSinkSettings(this);
        }
    }
}
