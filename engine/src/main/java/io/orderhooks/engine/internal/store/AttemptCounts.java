package io.orderhooks.engine.internal.store;

import java.time.Duration;
import java.time.Instant;

/**
 * Fixed-window attempt counters shared by every engine instance on one database (the self-service rate limits). A
 * key's window starts at its first attempt and lasts {@code length}; the first attempt after it ended starts a new
 * window. Each {@link #count} is one atomic step across instances, so N instances together allow the limit once,
 * not N times. Thread-safe.
 */
public interface AttemptCounts {

    /** The key's window after counting: attempts in it (this one included) and when it ends. */
    record Window(int attempts, Instant end) {}

    /**
     * Counts one attempt of {@code key} in {@code counter} at {@code now}: a new window {@code [now, now + length)}
     * holding 1 attempt when the key has none or its window ended at or before {@code now}, else one more in it.
     */
    Window count(String counter, String key, Instant now, Duration length);
}
