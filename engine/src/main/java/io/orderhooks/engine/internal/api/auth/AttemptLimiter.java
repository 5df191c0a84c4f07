package io.orderhooks.engine.internal.api.auth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.engine.internal.store.AttemptCounts;
import io.orderhooks.engine.internal.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window attempt counting for the self-service routes (registration, verification codes, username retrieval):
 * at most {@code limit} attempts per key in each {@code window} of the injected {@link Clock} (a key's window starts
 * at its first attempt); one more answers 429 {@code TooManyRequests} with {@code Data.RetryAfterSeconds}. A key is
 * counted whether or not the account exists, so the limit itself reveals nothing. {@link #on} counts in the store's
 * shared {@link AttemptCounts} when it has them (PostgreSQL: the limit holds for the whole cluster, one atomic upsert
 * per attempt), else in this process (memory, H2: one process owns the store). Thread-safe.
 */
public final class AttemptLimiter {

    private final Clock clock;
    private final Duration window;
    private final int limit;
    private final String name;
    private final AttemptCounts counts;

    /** A limiter counting in this process. */
    public AttemptLimiter(Clock clock, Duration window, int limit) {
        this(clock, window, limit, "local", new LocalCounts());
    }

    /**
     * A limiter counting in {@code counts} under counter {@code name} (limiters sharing counts need distinct names).
     */
    public AttemptLimiter(Clock clock, Duration window, int limit, String name, AttemptCounts counts) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (window.isNegative() || window.isZero() || limit < 1) {
            throw new IllegalArgumentException("window must be positive and limit at least 1");
        }
        this.window = window;
        this.limit = limit;
        this.name = Objects.requireNonNull(name, "name");
        this.counts = Objects.requireNonNull(counts, "counts");
    }

    /** A limiter on {@code store}'s shared counts when it has them, else counting in this process. */
    public static AttemptLimiter on(Store store, String name, Clock clock, Duration window, int limit) {
        return store.attemptCounts().map(shared -> new AttemptLimiter(clock, window, limit, name, shared))
                .orElseGet(() -> new AttemptLimiter(clock, window, limit));
    }

    /** Counts one attempt for {@code key} (case-insensitive); throws 429 when the window's limit is exceeded. */
    public void attempt(String key) {
        Instant now = clock.instant();
        AttemptCounts.Window w = counts.count(name, key.toLowerCase(Locale.ROOT), now, window);
        if (w.attempts() > limit) {
            long retry = Math.max(1, Duration.between(now, w.end()).toSeconds());
            throw new OrderCloudException(429, "TooManyRequests", "Too many attempts; try again in " + retry + " seconds",
                    JsonNodeFactory.instance.objectNode().put("RetryAfterSeconds", retry));
        }
    }

    /** Counts in this process; windows that ended are dropped as new attempts arrive. */
    private static final class LocalCounts implements AttemptCounts {

        private final Map<String, Window> windows = new ConcurrentHashMap<>();

        @Override
        public Window count(String counter, String key, Instant now, Duration length) {
            if (windows.size() > 10_000) {
                windows.values().removeIf(w -> !now.isBefore(w.end()));
            }
            return windows.compute(counter + "\n" + key, (k, old) -> old == null || !now.isBefore(old.end())
                    ? new Window(1, now.plus(length)) : new Window(old.attempts() + 1, old.end()));
        }
    }
}
