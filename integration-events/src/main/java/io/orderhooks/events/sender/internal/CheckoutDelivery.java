package io.orderhooks.events.sender.internal;

import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.spi.CheckoutCall;
import io.orderhooks.core.spi.CheckoutEventType;
import io.orderhooks.core.spi.CheckoutResponses;
import io.orderhooks.core.spi.DeliveryOutcome;
import io.orderhooks.core.spi.DeliveryRecord;
import io.orderhooks.core.spi.IntegrationEndpoint;
import io.orderhooks.core.spi.Redelivery;
import io.orderhooks.delivery.Attempt;
import io.orderhooks.delivery.Deliverer;
import io.orderhooks.delivery.OutboundRequest;
import io.orderhooks.delivery.Sent;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checkout sender behind both the HTTP and the in-process integration; only the transport differs.
 * Decoration order: {@code Retry(CircuitBreaker(timeLimited(call)))}, where the retry exists only for
 * events that are {@link CheckoutEventType#safeToRetry()} and fires only on
 * {@link DeliveryOutcome.Unreachable} (never after the receiver answered, never after a time-out).
 */
public final class CheckoutDelivery {

    private final Deliverer deliverer;
    private final Duration timeLimit;
    private final RetryRegistry retries;
    private final Map<String, IntegrationEndpoint> endpoints = new ConcurrentHashMap<>();

    public CheckoutDelivery(Deliverer deliverer, Duration timeLimit, int maxAttempts, Duration retryWait) {
        this.deliverer = Objects.requireNonNull(deliverer, "deliverer");
        this.timeLimit = Objects.requireNonNull(timeLimit, "timeLimit");
        this.retries = RetryRegistry.of(RetryConfig.<DeliveryOutcome>custom()
                .maxAttempts(maxAttempts)
                .waitDuration(retryWait)
                .retryOnResult(outcome -> outcome instanceof DeliveryOutcome.Unreachable)
                .retryOnException(e -> false)
                .build());
    }

    public DeliveryOutcome deliver(CheckoutCall call) {
        IntegrationEndpoint endpoint = call.endpoint();
        endpoints.put(endpoint.id(), endpoint);
        CheckoutEventType type = call.type();
        String key = type.safeToRetry() ? null
                : call.idempotencyKey() != null ? call.idempotencyKey() : UUID.randomUUID().toString();
        Attempt first = attempt(type, endpoint, call.orderID(), call.payload(), key);
        if (!type.safeToRetry()) {
            return deliverer.send(first, timeLimit).outcome();
        }
        return deliverer.sendWithRetry(first, timeLimit, retries.retry(endpoint.id())).outcome();
    }

    /** Re-sends a failed submit to the endpoint last seen under its recorded ID. */
    public Redelivery.Result redeliver(String recordID) {
        DeliveryRecord record = deliverer.redeliverable(recordID, DeliveryRecord.Kind.CHECKOUT);
        IntegrationEndpoint endpoint = endpoints.get(record.endpointID());
        if (endpoint == null) {
            throw OrderCloudException.notFound("IntegrationEvent", record.endpointID());
        }
        return redeliver(record, endpoint);
    }

    /** Re-sends a failed submit to {@code endpoint} (its current URL and keys). */
    public Redelivery.Result redeliver(String recordID, IntegrationEndpoint endpoint) {
        DeliveryRecord record = deliverer.redeliverable(recordID, DeliveryRecord.Kind.CHECKOUT);
        if (!record.endpointID().equals(endpoint.id())) {
            throw new OrderCloudException(400, "Delivery.EndpointMismatch", "Delivery " + recordID
                    + " was made to integration event " + record.endpointID() + ", not " + endpoint.id());
        }
        endpoints.put(endpoint.id(), endpoint);
        return redeliver(record, endpoint);
    }

    private Redelivery.Result redeliver(DeliveryRecord record, IntegrationEndpoint endpoint) {
        Attempt attempt = attempt(CheckoutEventType.ORDER_SUBMIT, endpoint, record.orderID(), record.requestBody(),
                record.idempotencyKey()).withRedeliveryOf(record.id());
        Sent sent = deliverer.send(attempt, timeLimit);
        return new Redelivery.Result(sent.record(), sent.outcome());
    }

    private static Attempt attempt(CheckoutEventType type, IntegrationEndpoint endpoint, String orderID,
            byte[] payload, String idempotencyKey) {
        OutboundRequest request = OutboundRequest.signed(OutboundRequest.join(endpoint.url(), type.suffix()),
                "/" + type.suffix(), payload, endpoint.hashKey(), endpoint.customAuthHeaderName(),
                endpoint.customAuthHeaderValue(), idempotencyKey);
        return Attempt.first(DeliveryRecord.Kind.CHECKOUT, type.suffix(), endpoint.id(), orderID, request)
                .withReplyCheck(body -> CheckoutResponses.problem(type, body));
    }
}
