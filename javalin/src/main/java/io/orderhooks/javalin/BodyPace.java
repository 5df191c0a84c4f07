package io.orderhooks.javalin;

import io.orderhooks.core.http.RawResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * The arithmetic of a request body still on its way: the whole body must arrive within {@code deadline} of the
 * request headers, and once {@code grace} has passed, the bytes received so far must keep up with
 * {@code minBytesPerSecond} averaged since the headers (at 256 bytes/s and a 5 s grace: 1,280 bytes after 5 s,
 * 2,560 after 10 s). Pure: times are nanoseconds since the headers, passed in, so it is tested without a clock.
 */
record BodyPace(long deadlineNanos, long minBytesPerSecond, long graceNanos) {

    /** The shortest wait between two checks of one body. */
    static final long MIN_STEP_NANOS = Duration.ofMillis(100).toNanos();

    static BodyPace of(ServerLimits limits) {
        return new BodyPace(limits.bodyDeadline().toNanos(), limits.minRequestBytesPerSecond(),
                limits.bodyRateGrace().toNanos());
    }

    /** Why a body was refused; each is answered 408 in OrderCloud's error shape. */
    record Refusal(String errorCode, String message) {
        byte[] body() {
            return RawResponse.error(408, errorCode, message).body();
        }
    }

    /** Nanoseconds after the headers at which a body still loading is first checked. */
    long firstCheck() {
        return minBytesPerSecond > 0 ? Math.min(graceNanos, deadlineNanos) : deadlineNanos;
    }

    /** The refusal of a body that has {@code received} bytes {@code elapsed} ns after its headers, or null. */
    Refusal check(long elapsed, long received) {
        if (elapsed >= deadlineNanos) {
            return new Refusal("Request.Timeout", "The request body was not received within "
                    + seconds(deadlineNanos) + " s");
        }
        if (minBytesPerSecond > 0 && elapsed >= graceNanos && received < required(elapsed)) {
            return new Refusal("Request.BodyTooSlow", "The request body arrived slower than " + minBytesPerSecond
                    + " bytes/s (" + received + " bytes in " + seconds(elapsed) + " s)");
        }
        return null;
    }

    /**
     * When (ns after the headers) to check a body next that passed {@link #check} at {@code elapsed}: when the bytes
     * received so far stop being enough, at least {@link #MIN_STEP_NANOS} later, at the latest at the deadline.
     */
    long nextCheck(long elapsed, long received) {
        if (minBytesPerSecond <= 0) {
            return deadlineNanos;
        }
        double enoughUntil = (double) received / minBytesPerSecond * 1e9;
        long next = Math.max(enoughUntil >= deadlineNanos ? deadlineNanos : (long) enoughUntil, elapsed + MIN_STEP_NANOS);
        return Math.min(Math.max(next, graceNanos), deadlineNanos);
    }

    /** The bytes a body must have delivered {@code elapsed} ns after its headers (saturating, never overflowing). */
    long required(long elapsed) {
        double bytes = (double) minBytesPerSecond * elapsed / 1e9;
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes;
    }

    private static String seconds(long nanos) {
        return nanos % 1_000_000_000L == 0 ? Long.toString(nanos / 1_000_000_000L)
                : String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
