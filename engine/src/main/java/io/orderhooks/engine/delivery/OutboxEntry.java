package io.orderhooks.engine.delivery;

import io.orderhooks.engine.spi.DeliveryRecord;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One queued delivery in an {@link Outbox}: the signed request exactly as it will be sent (the signature was computed
 * when the delivery was accepted), the attempt it waits for and when that attempt is due.
 *
 * @param id the outbox row's ID (stable across retries of the same delivery)
 * @param kind what is delivered
 * @param subject {@code VERB route}, for the log
 * @param endpointID the webhook ID (names the circuit breaker and the record's endpoint)
 * @param orderID the order concerned, or null
 * @param number the attempt this entry waits for, from 1
 * @param request the signed request
 * @param due when the attempt may be made (on the sink's clock)
 */
public record OutboxEntry(String id, DeliveryRecord.Kind kind, String subject, String endpointID, String orderID,
        int number, OutboundRequest request, Instant due) {

    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(endpointID, "endpointID");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(due, "due");
        if (number < 1) {
            throw new IllegalArgumentException("number must be at least 1, was " + number);
        }
    }

    /** A new entry (fresh ID) for {@code attempt}, due at {@code due}. */
    public static OutboxEntry of(Attempt attempt, Instant due) {
        return new OutboxEntry(UUID.randomUUID().toString(), attempt.kind(), attempt.subject(), attempt.endpointID(),
                attempt.orderID(), attempt.number(), attempt.request(), due);
    }

    /** The attempt to make now; it is final when {@code number >= maxAttempts}. */
    public Attempt attempt(int maxAttempts) {
        return new Attempt(kind, subject, endpointID, orderID, number, request, null, number >= maxAttempts, null);
    }

    /** The same delivery waiting for attempt {@code next}, due at {@code at}. */
    public OutboxEntry retry(int next, Instant at) {
        return new OutboxEntry(id, kind, subject, endpointID, orderID, next, request, at);
    }
}
