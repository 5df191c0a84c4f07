package io.orderhooks.engine.internal.api.auth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.core.error.OrderCloudException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window attempt counting for the self-service routes (registration, verification codes, username retrieval):
 * at most {@code limit} attempts per key in each {@code window} of the injected {@link Clock}; one more answers 429
 * {@code TooManyRequests} with {@code Data.RetryAfterSeconds}. A key is counted whether or not the account exists,
 * so the limit itself reveals nothing. Counts live in this process (a cluster multiplies the limit by its
 * instances). Thread-safe; windows that ended are dropped as new attempts arrive.
 */
public final class AttemptLimiter {

    private record Window(Instant start, int count) {}

    private final Clock clock;
    private final Duration window;
    private final int limit;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public AttemptLimiter(Clock clock, Duration window, int limit) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (window.isNegative() || window.isZero() || limit < 1) {
            throw new IllegalArgumentException("window must be positive and limit at least 1");
        }
        this.window = window;
        this.limit = limit;
    }

    /** Counts one attempt for {@code key} (case-insensitive); throws 429 when the window's limit is exceeded. */
    public void attempt(String key) {
        Instant now = clock.instant();
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
        }
        Window w = windows.compute(key.toLowerCase(Locale.ROOT), (k, old) ->
                old == null || !now.isBefore(old.start().plus(window)) ? new Window(now, 1)
                        : new Window(old.start(), old.count() + 1));
        if (w.count() > limit) {
            long retry = Math.max(1, Duration.between(now, w.start().plus(window)).toSeconds());
            throw new OrderCloudException(429, "TooManyRequests", "Too many attempts; try again in " + retry + " seconds",
                    JsonNodeFactory.instance.objectNode().put("RetryAfterSeconds", retry));
        }
    }
}
