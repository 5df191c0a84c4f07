package io.orderhooks.core.trace;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C Trace Context {@code traceparent} ({@code 00-<32 hex trace-id>-<16 hex parent-id>-<2 hex flags>}):
 * which trace a request belongs to and which span (call) sent it. Immutable.
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param spanId 16 lower-case hex digits, not all zero: the span that made the call
 * @param flags the trace flags; bit 0 is "sampled"
 */
public record TraceParent(String traceId, String spanId, int flags) {

    /** The header's name. */
    public static final String HEADER = "traceparent";

    public TraceParent {
        if (!isHex(traceId, 32)) {
            throw new IllegalArgumentException("traceId must be 32 lower-case hex digits, not all zero, was " + traceId);
        }
        if (!isHex(spanId, 16)) {
            throw new IllegalArgumentException("spanId must be 16 lower-case hex digits, not all zero, was " + spanId);
        }
        if (flags < 0 || flags > 255) {
            throw new IllegalArgumentException("flags must be 0 to 255, was " + flags);
        }
    }

    /**
     * The header value parsed, or empty when it is absent or malformed (a receiver then starts a new trace, as the
     * W3C specification says). Version {@code 00} must have exactly four fields; a higher version may carry more
     * after the flags; version {@code ff} is invalid.
     */
    public static Optional<TraceParent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.trim();
        if (h.length() < 55 || h.charAt(2) != '-' || h.charAt(35) != '-' || h.charAt(52) != '-') {
            return Optional.empty();
        }
        String version = h.substring(0, 2);
        if (!isHexAllowZero(version) || version.equals("ff") || (version.equals("00") && h.length() != 55)
                || (h.length() > 55 && h.charAt(55) != '-')) {
            return Optional.empty();
        }
        String traceId = h.substring(3, 35);
        String spanId = h.substring(36, 52);
        String flags = h.substring(53, 55);
        if (!isHex(traceId, 32) || !isHex(spanId, 16) || !isHexAllowZero(flags)) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(traceId, spanId, Integer.parseInt(flags, 16)));
    }

    /** A new trace with a random trace ID and span ID, sampled. */
    public static TraceParent generate() {
        return new TraceParent(randomHex(32), randomHex(16), 1);
    }

    /** The same trace and flags with a new span ID: what a call made within this span sends. */
    public TraceParent child() {
        return new TraceParent(traceId, randomHex(16), flags);
    }

    /** The header value, {@code 00-traceId-spanId-flags}. */
    public String header() {
        return "00-" + traceId + "-" + spanId + "-" + HexFormat.of().toHexDigits((byte) flags); // flags fit one byte
    }

    public boolean sampled() {
        return (flags & 1) == 1;
    }

    static String randomHex(int digits) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder s = new StringBuilder(digits);
        while (s.length() < digits) {
            long bits = random.nextLong();
            for (int i = 0; i < 16 && s.length() < digits; i++, bits >>>= 4) {
                s.append(Character.forDigit((int) (bits & 0xf), 16));
            }
        }
        return isHex(s.toString(), digits) ? s.toString() : randomHex(digits);
    }

    /** {@code digits} lower-case hex characters, not all zero. */
    static boolean isHex(String s, int digits) {
        Objects.requireNonNull(s, "id");
        if (s.length() != digits || !isHexAllowZero(s)) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '0') {
                return true;
            }
        }
        return false;
    }

    private static boolean isHexAllowZero(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
