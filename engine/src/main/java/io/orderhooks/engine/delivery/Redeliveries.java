package io.orderhooks.engine.delivery;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.Redelivery;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Redelivery by record ID, the same for every sender: it remembers the last endpoint each sender saw under
 * each endpoint ID, checks that a record may be redelivered ({@link Deliverer#redeliverable}) and to which
 * endpoint, then lets the sender re-send it.
 *
 * <p>Thread-safe. Failures are {@link OrderCloudException}s: 404 {@code NotFound} for an unknown record or
 * an endpoint never seen, 400 {@code Delivery.NotRedeliverable}, 400 {@code Delivery.EndpointMismatch} when a
 * given endpoint is not the one the record was made to.
 *
 * @param <E> the endpoint type
 */
public final class Redeliveries<E> {

    /** Makes the redelivery attempt of a failed {@code record} to {@code endpoint} and records it. */
    @FunctionalInterface
    public interface Resend<E> {
        Sent resend(DeliveryRecord record, E endpoint);
    }

    private final Deliverer deliverer;
    private final DeliveryRecord.Kind kind;
    private final String resource;
    private final String noun;
    private final Function<E, String> idOf;
    private final Resend<E> resend;
    private final Map<String, E> endpoints = new ConcurrentHashMap<>();

    /**
     * @param kind the only kind of record this sender redelivers
     * @param resource the endpoint's resource name in a 404, e.g. {@code Webhook}
     * @param noun the endpoint in a mismatch message, e.g. {@code webhook}
     * @param idOf the endpoint's ID
     */
    public Redeliveries(Deliverer deliverer, DeliveryRecord.Kind kind, String resource, String noun,
            Function<E, String> idOf, Resend<E> resend) {
        this.deliverer = Objects.requireNonNull(deliverer, "deliverer");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.resource = Objects.requireNonNull(resource, "resource");
        this.noun = Objects.requireNonNull(noun, "noun");
        this.idOf = Objects.requireNonNull(idOf, "idOf");
        this.resend = Objects.requireNonNull(resend, "resend");
    }

    /** Notes {@code endpoint} as the current one under its ID. */
    public void remember(E endpoint) {
        endpoints.put(idOf.apply(endpoint), endpoint);
    }

    /** Re-sends a failed record to the endpoint last remembered under its recorded endpoint ID. */
    public Redelivery.Result redeliver(String recordID) {
        DeliveryRecord record = deliverer.redeliverable(recordID, kind);
        E endpoint = endpoints.get(record.endpointID());
        if (endpoint == null) {
            throw OrderCloudException.notFound(resource, record.endpointID());
        }
        return redeliver(record, endpoint);
    }

    /** Re-sends a failed record to {@code endpoint} (its current URL and keys), then remembers it. */
    public Redelivery.Result redeliver(String recordID, E endpoint) {
        DeliveryRecord record = deliverer.redeliverable(recordID, kind);
        String id = idOf.apply(endpoint);
        if (!record.endpointID().equals(id)) {
            throw new OrderCloudException(400, "Delivery.EndpointMismatch", "Delivery " + recordID
                    + " was made to " + noun + " " + record.endpointID() + ", not " + id);
        }
        remember(endpoint);
        return redeliver(record, endpoint);
    }

    /**
     * Sends a copy of any record of this sender's kind, delivered or failed, to the endpoint last remembered under
     * its ID with its URL replaced by {@code url} ({@code retarget}); the remembered endpoint is left as it is.
     *
     * @throws OrderCloudException 404 for an unknown record or endpoint, 400 {@code Delivery.NotReplayable}
     *     for a record of another kind
     */
    public Redelivery.Result replayTo(String recordID, String url, BiFunction<E, String, E> retarget) {
        DeliveryRecord record = deliverer.log().find(recordID)
                .orElseThrow(() -> OrderCloudException.notFound("DeliveryRecord", recordID));
        if (record.kind() != kind) {
            throw new OrderCloudException(400, "Delivery.NotReplayable", "Delivery " + recordID + " is a "
                    + record.kind() + " delivery; this sender replays " + kind + " deliveries only");
        }
        E endpoint = endpoints.get(record.endpointID());
        if (endpoint == null) {
            throw OrderCloudException.notFound(resource, record.endpointID());
        }
        return redeliver(record, retarget.apply(endpoint, url));
    }

    private Redelivery.Result redeliver(DeliveryRecord record, E endpoint) {
        Sent sent = resend.resend(record, endpoint);
        return new Redelivery.Result(sent.record(), sent.outcome());
    }
}
