package io.orderhooks.engine.spi;

import io.orderhooks.core.model.CheckoutEventType;

import java.time.Instant;
import java.util.Objects;

/**
 * One delivery attempt as the delivery log keeps it: what was sent where, how it went and whether it can
 * be sent again. Records are immutable; a redelivery is a new record pointing at the one it repeats
 * ({@link #redeliveryOf()}).
 *
 * @param id unique record ID
 * @param kind checkout event, pre-webhook or post-webhook
 * @param subject the checkout suffix ({@code ordersubmit}) or the webhook's {@code VERB route}
 *     ({@code PUT v1/buyers/{buyerID}})
 * @param endpointID the integration event's or webhook's ID
 * @param url the URL called (for in-process delivery, the URL the endpoint is registered with)
 * @param orderID the order concerned, or null
 * @param attempt 1 for the first attempt; counts up across retries of one delivery
 * @param outcome how the attempt went at the transport layer
 * @param httpStatus the receiver's status, or null when it did not answer
 * @param latencyMillis how long the attempt took
 * @param succeeded whether the receiver accepted the delivery with a usable answer
 * @param requestBody the exact bytes sent (kept whole: a redelivery re-sends them)
 * @param responseBody the answer as text, truncated to the log's cap, or null
 * @param idempotencyKey the {@code Idempotency-Key} sent, or null
 * @param error a description of what went wrong, or null on success
 * @param timestamp when the attempt ended, from the sender's injected clock
 * @param deadLetter true when no further automatic attempt will be made for a failed delivery (last
 *     attempt spent, queue full, shutdown); the record can then be redelivered by ID
 * @param redeliveryOf the ID of the record this one redelivers, or null
 */
public record DeliveryRecord(
        String id,
        Kind kind,
        String subject,
        String endpointID,
        String url,
        String orderID,
        int attempt,
        OutcomeKind outcome,
        Integer httpStatus,
        long latencyMillis,
        boolean succeeded,
        byte[] requestBody,
        String responseBody,
        String idempotencyKey,
        String error,
        Instant timestamp,
        boolean deadLetter,
        String redeliveryOf) {

    /** What was delivered. */
    public enum Kind { CHECKOUT, PRE_WEBHOOK, POST_WEBHOOK }

    /** The transport-level result of an attempt: {@link DeliveryOutcome}'s cases plus "not attempted". */
    public enum OutcomeKind {
        DELIVERED, REJECTED, TIMED_OUT, UNREACHABLE, CIRCUIT_OPEN,
        /** The attempt was never made: the queue was full or the sender shut down first. */
        NOT_ATTEMPTED;

        /** The kind of {@code outcome}. */
        public static OutcomeKind of(DeliveryOutcome outcome) {
            if (outcome instanceof DeliveryOutcome.Delivered) {
                return DELIVERED;
            } else if (outcome instanceof DeliveryOutcome.Rejected) {
                return REJECTED;
            } else if (outcome instanceof DeliveryOutcome.TimedOut) {
                return TIMED_OUT;
            } else if (outcome instanceof DeliveryOutcome.Unreachable) {
                return UNREACHABLE;
            }
            return CIRCUIT_OPEN;
        }
    }

    public DeliveryRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(endpointID, "endpointID");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(timestamp, "timestamp");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
        }
        requestBody = requestBody == null ? new byte[0] : requestBody;
    }

    /**
     * Whether an admin may ask for this delivery to be sent again: a failed post-webhook, or a failed
     * {@code ordersubmit}. Pre-webhooks and the other checkout events answer a request that is over.
     */
    public boolean redeliverable() {
        if (succeeded) {
            return false;
        }
        return kind == Kind.POST_WEBHOOK
                || (kind == Kind.CHECKOUT && CheckoutEventType.ORDER_SUBMIT.suffix().equals(subject));
    }

    /** A builder with nothing set but attempt 1. */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String id;
        private Kind kind;
        private String subject;
        private String endpointID;
        private String url;
        private String orderID;
        private int attempt = 1;
        private OutcomeKind outcome;
        private Integer httpStatus;
        private long latencyMillis;
        private boolean succeeded;
        private byte[] requestBody;
        private String responseBody;
        private String idempotencyKey;
        private String error;
        private Instant timestamp;
        private boolean deadLetter;
        private String redeliveryOf;

        private Builder() {}

        public Builder id(String v) { id = v; return this; }
        public Builder kind(Kind v) { kind = v; return this; }
        public Builder subject(String v) { subject = v; return this; }
        public Builder endpointID(String v) { endpointID = v; return this; }
        public Builder url(String v) { url = v; return this; }
        public Builder orderID(String v) { orderID = v; return this; }
        public Builder attempt(int v) { attempt = v; return this; }
        public Builder outcome(OutcomeKind v) { outcome = v; return this; }
        public Builder httpStatus(Integer v) { httpStatus = v; return this; }
        public Builder latencyMillis(long v) { latencyMillis = v; return this; }
        public Builder succeeded(boolean v) { succeeded = v; return this; }
        public Builder requestBody(byte[] v) { requestBody = v; return this; }
        public Builder responseBody(String v) { responseBody = v; return this; }
        public Builder idempotencyKey(String v) { idempotencyKey = v; return this; }
        public Builder error(String v) { error = v; return this; }
        public Builder timestamp(Instant v) { timestamp = v; return this; }
        public Builder deadLetter(boolean v) { deadLetter = v; return this; }
        public Builder redeliveryOf(String v) { redeliveryOf = v; return this; }

        /** @throws NullPointerException naming the first required field not set */
        public DeliveryRecord build() {
            return new DeliveryRecord(id, kind, subject, endpointID, url, orderID, attempt, outcome, httpStatus,
                    latencyMillis, succeeded, requestBody, responseBody, idempotencyKey, error, timestamp,
                    deadLetter, redeliveryOf);
        }
    }
}
