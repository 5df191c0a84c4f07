package io.orderhooks.engine.spi;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Sends a recorded, failed delivery again by its {@link DeliveryRecord} ID: a dead-lettered post-webhook or
 * a failed {@code ordersubmit}. The exact recorded bytes are re-sent (with the recorded
 * {@code Idempotency-Key}, so the receiver can tell it has seen the submit). One attempt is made on the
 * calling thread, bounded by the sender's time limit; it is recorded as a new record whose
 * {@link DeliveryRecord#redeliveryOf()} is the original's ID.
 */
@FunctionalInterface
public interface Redelivery {

    /**
     * @throws io.orderhooks.core.error.OrderCloudException 404 {@code NotFound} for an unknown record or
     *     an endpoint the sender no longer knows; 400 {@code Delivery.NotRedeliverable} for a record that
     *     succeeded or is of a kind that cannot be redelivered
     */
    Result redeliver(String recordID);

    /**
     * Sends a copy of a recorded delivery (delivered or failed) to {@code url} instead of the endpoint's URL, for
     * debugging a middleware against real traffic: the exact recorded bytes, signed with the endpoint's current
     * hash key, one attempt, recorded as a new record whose {@link DeliveryRecord#redeliveryOf()} is the
     * original's ID. Nothing of the engine's state (orders, the endpoint's URL, its breaker) changes.
     *
     * @throws io.orderhooks.core.error.OrderCloudException 404 {@code NotFound} for an unknown record or
     *     endpoint; 400 {@code Delivery.NotReplayable} when this sender cannot replay the record's kind (the
     *     default)
     */
    default Result replayTo(String recordID, String url) {
        throw new io.orderhooks.core.error.OrderCloudException(400, "Delivery.NotReplayable",
                "Delivery " + recordID + " cannot be replayed to another URL by this sender");
    }

    /** The new attempt's record and outcome (for a submit, what the engine records in the worksheet). */
    record Result(DeliveryRecord record, DeliveryOutcome outcome) {}

    /** Routes each record to the redelivery for its kind (checkout sender, webhook sink). */
    static Redelivery byKind(DeliveryLog log, Map<DeliveryRecord.Kind, Redelivery> byKind) {
        Objects.requireNonNull(log, "log");
        Map<DeliveryRecord.Kind, Redelivery> routes = new EnumMap<>(byKind);
        return new Redelivery() {
            @Override
            public Result redeliver(String id) {
                return target(id, "Delivery.NotRedeliverable", "redelivered").redeliver(id);
            }

            @Override
            public Result replayTo(String id, String url) {
                return target(id, "Delivery.NotReplayable", "replayed").replayTo(id, url);
            }

            private Redelivery target(String id, String errorCode, String verb) {
                DeliveryRecord record = log.find(id).orElseThrow(() ->
                        io.orderhooks.core.error.OrderCloudException.notFound("DeliveryRecord", id));
                Redelivery target = routes.get(record.kind());
                if (target == null) {
                    throw new io.orderhooks.core.error.OrderCloudException(400, errorCode,
                            "Deliveries of kind " + record.kind() + " cannot be " + verb);
                }
                return target;
            }
        };
    }
}
