package io.orderhooks.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One accepted post-webhook delivery as a {@link PostQueueStorage} keeps it: the exact payload bytes as
 * received, and how many times its handler has run so far.
 *
 * @param id the delivery's own ID (also its dead letter's ID)
 * @param logId OrderCloud's {@code LogID}, or null
 * @param verb the payload's {@code Verb}
 * @param route the payload's {@code Route}
 * @param payload the payload bytes as received (not copied: do not modify)
 * @param attempts handler runs so far
 * @param context the logging context (MDC: trace, LogID) of the request that queued it, restored while its
 *     handler runs; empty when unknown (never null)
 */
public record QueuedPost(String id, String logId, String verb, String route, byte[] payload, int attempts,
        Map<String, String> context) {

    public QueuedPost {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(payload, "payload");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
        }
        context = context == null ? Map.of() : Map.copyOf(context);
    }

    /** A delivery with no logging context. */
    public QueuedPost(String id, String logId, String verb, String route, byte[] payload, int attempts) {
        this(id, logId, verb, route, payload, attempts, Map.of());
    }

    /** This delivery after {@code attempts} handler runs (same ID, payload and context). */
    public QueuedPost withAttempts(int attempts) {
        return new QueuedPost(id, logId, verb, route, payload, attempts, context);
    }

    /** This delivery as a dead letter after {@code attempts} runs, the last failing with {@code error}. */
    public DeadLetter toDeadLetter(int attempts, String error, Instant failedAt) {
        return new DeadLetter(id, logId, verb, route, attempts, error, failedAt,
                new String(payload, StandardCharsets.UTF_8));
    }

    /** The delivery a dead letter holds, with its attempts reset. */
    public static QueuedPost of(DeadLetter letter) {
        return new QueuedPost(letter.id(), letter.logId(), letter.verb(), letter.route(),
                letter.payload().getBytes(StandardCharsets.UTF_8), 0);
    }

    @Override
    public String toString() {
        return verb + " " + route + (logId == null ? "" : " [LogID=" + logId + "]");
    }
}
