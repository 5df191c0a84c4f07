package io.orderhooks.engine.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every delivery attempt the engine's senders make (checkout events, pre- and post-webhooks), for admins
 * to list, filter and redeliver from. Implementations are thread-safe; {@link #append} must not block on
 * I/O for long, as senders call it on their delivery threads.
 */
public interface DeliveryLog {

    /** Stores one record. */
    void append(DeliveryRecord record);

    /** The record with {@code id}, if it is still kept. */
    Optional<DeliveryRecord> find(String id);

    /** The records matching {@code query}, newest first. */
    List<DeliveryRecord> list(Query query);

    /**
     * A filter; every null criterion matches everything. {@code from} is inclusive, {@code to} exclusive.
     *
     * @param redeliverableOnly only records {@link DeliveryRecord#redeliverable()}
     */
    record Query(
            DeliveryRecord.Kind kind,
            String endpointID,
            String orderID,
            DeliveryRecord.OutcomeKind outcome,
            Boolean succeeded,
            Boolean deadLetter,
            boolean redeliverableOnly,
            Instant from,
            Instant to) {

        /** Everything. */
        public static final Query ALL = new Query(null, null, null, null, null, null, false, null, null);

        public Query withKind(DeliveryRecord.Kind v) {
            return new Query(v, endpointID, orderID, outcome, succeeded, deadLetter, redeliverableOnly, from, to);
        }

        public Query withEndpointID(String v) {
            return new Query(kind, v, orderID, outcome, succeeded, deadLetter, redeliverableOnly, from, to);
        }

        public Query withOrderID(String v) {
            return new Query(kind, endpointID, v, outcome, succeeded, deadLetter, redeliverableOnly, from, to);
        }

        public Query withOutcome(DeliveryRecord.OutcomeKind v) {
            return new Query(kind, endpointID, orderID, v, succeeded, deadLetter, redeliverableOnly, from, to);
        }

        public Query withSucceeded(Boolean v) {
            return new Query(kind, endpointID, orderID, outcome, v, deadLetter, redeliverableOnly, from, to);
        }

        public Query withDeadLetter(Boolean v) {
            return new Query(kind, endpointID, orderID, outcome, succeeded, v, redeliverableOnly, from, to);
        }

        public Query redeliverable() {
            return new Query(kind, endpointID, orderID, outcome, succeeded, deadLetter, true, from, to);
        }

        /** Records with {@code from <= timestamp < to}; either bound may be null. */
        public Query between(Instant from, Instant to) {
            if (from != null && to != null && to.isBefore(from)) {
                throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
            }
            return new Query(kind, endpointID, orderID, outcome, succeeded, deadLetter, redeliverableOnly, from, to);
        }

        /** Whether {@code r} matches every criterion set. */
        public boolean matches(DeliveryRecord r) {
            return (kind == null || kind == r.kind())
                    && (endpointID == null || endpointID.equals(r.endpointID()))
                    && (orderID == null || orderID.equals(r.orderID()))
                    && (outcome == null || outcome == r.outcome())
                    && (succeeded == null || succeeded == r.succeeded())
                    && (deadLetter == null || deadLetter == r.deadLetter())
                    && (!redeliverableOnly || r.redeliverable())
                    && (from == null || !r.timestamp().isBefore(from))
                    && (to == null || r.timestamp().isBefore(to));
        }
    }
}
