package io.orderhooks.engine.internal.sharedcarts;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine's {@link SharedCartPurger#purgeDue()} now and then every {@code period} on one daemon thread (the
 * purger judges what is due by the engine's clock; the period only sets how often to look). A failing pass is
 * logged and the next one still runs. {@link #close()} stops it; a pass in progress finishes. Thread-safe.
 */
public final class SharedCartPurgeSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedCartPurgeSchedule.class);

    private final ScheduledExecutorService executor;

    private SharedCartPurgeSchedule(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    public static SharedCartPurgeSchedule start(SharedCartPurger purger, Duration period) {
        Objects.requireNonNull(purger, "purger");
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "orderhooks-shared-cart-purge");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> runOnce(purger), 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return new SharedCartPurgeSchedule(executor);
    }

    private static void runOnce(SharedCartPurger purger) {
        try {
            SharedCartPurger.Report report = purger.purgeDue();
            if (!report.purged().isEmpty() || !report.noticed().isEmpty()) {
                LOG.info("shared carts purged: {}; purge notices sent for: {}", report.purged(), report.noticed());
            }
        } catch (RuntimeException e) {
            LOG.warn("purging shared carts failed; will retry next period", e);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
