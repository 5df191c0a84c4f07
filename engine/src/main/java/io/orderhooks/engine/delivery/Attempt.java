package io.orderhooks.engine.delivery;

import io.orderhooks.engine.spi.DeliveryRecord;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a {@link Deliverer} needs to send and record one attempt. Immutable; the {@code with...} methods
 * return copies.
 *
 * @param kind what is delivered
 * @param subject checkout suffix or {@code VERB route}
 * @param endpointID names the circuit breaker and the record's endpoint
 * @param orderID the order concerned, or null
 * @param number the attempt number, from 1
 * @param request the signed request
 * @param redeliveryOf the record this attempt redelivers, or null
 * @param finalAttempt whether a failure of this attempt is final (the record is then a dead letter)
 * @param replyCheck judges a 2xx body: a description of why it is unusable, or empty
 */
public record Attempt(
        DeliveryRecord.Kind kind,
        String subject,
        String endpointID,
        String orderID,
        int number,
        OutboundRequest request,
        String redeliveryOf,
        boolean finalAttempt,
        Function<byte[], Optional<String>> replyCheck) {

    public Attempt {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(endpointID, "endpointID");
        Objects.requireNonNull(request, "request");
        if (number < 1) {
            throw new IllegalArgumentException("number must be at least 1, was " + number);
        }
        replyCheck = replyCheck == null ? body -> Optional.empty() : replyCheck;
    }

    /** A first attempt that accepts any 2xx body and is not final. */
    public static Attempt first(DeliveryRecord.Kind kind, String subject, String endpointID, String orderID,
            OutboundRequest request) {
        return new Attempt(kind, subject, endpointID, orderID, 1, request, null, false, null);
    }

    public Attempt withNumber(int n) {
        return new Attempt(kind, subject, endpointID, orderID, n, request, redeliveryOf, finalAttempt, replyCheck);
    }

    public Attempt withRedeliveryOf(String id) {
        return new Attempt(kind, subject, endpointID, orderID, number, request, id, finalAttempt, replyCheck);
    }

    public Attempt withFinalAttempt(boolean last) {
        return new Attempt(kind, subject, endpointID, orderID, number, request, redeliveryOf, last, replyCheck);
    }

    public Attempt withReplyCheck(Function<byte[], Optional<String>> check) {
        return new Attempt(kind, subject, endpointID, orderID, number, request, redeliveryOf, finalAttempt, check);
    }

    /** The {@code Idempotency-Key} the request carries, or null. */
    public String idempotencyKey() {
        return request.headers().get(OutboundRequest.IDEMPOTENCY_KEY);
    }
}
