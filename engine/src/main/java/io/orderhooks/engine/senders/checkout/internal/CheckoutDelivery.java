package io.orderhooks.engine.senders.checkout.internal;

import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.orderhooks.engine.spi.CheckoutCall;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.engine.spi.CheckoutResponses;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.IntegrationEndpoint;
import io.orderhooks.engine.spi.Redelivery;
import io.orderhooks.engine.delivery.Attempt;
import io.orderhooks.engine.delivery.Deliverer;
import io.orderhooks.engine.delivery.OutboundRequest;
import io.orderhooks.engine.delivery.Redeliveries;
import io.orderhooks.engine.delivery.Sent;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * The checkout sender behind both the HTTP and the in-process integration; only the transport differs.
 * Decoration order: {@code CircuitBreaker(Retry(timeLimited(call)))}, where the retry exists only for
 * events that are {@link CheckoutEventType#safeToRetry()} and fires only on
 * {@link DeliveryOutcome.Unreachable} (never after the receiver answered, never after a time-out); the breaker
 * counts the call once, by its last attempt. Submit and approval events get one attempt: a connection that broke
 * while one was in flight leaves open whether the middleware received it.
 */
public final class CheckoutDelivery {

    private final Deliverer deliverer;
    private final Duration timeLimit;
    private final RetryRegistry retries;
    private final Redeliveries<IntegrationEndpoint> redeliveries;

    public CheckoutDelivery(Deliverer deliverer, Duration timeLimit, int maxAttempts, Duration retryWait) {
        this.deliverer = Objects.requireNonNull(deliverer, "deliverer");
        this.timeLimit = Objects.requireNonNull(timeLimit, "timeLimit");
        this.retries = RetryRegistry.of(RetryConfig.<DeliveryOutcome>custom()
                .maxAttempts(maxAttempts)
                .waitDuration(retryWait)
                .retryOnResult(outcome -> outcome instanceof DeliveryOutcome.Unreachable)
                .retryOnException(e -> false)
                .build());
        this.redeliveries = new Redeliveries<>(deliverer, DeliveryRecord.Kind.CHECKOUT, "IntegrationEvent",
                "integration event", IntegrationEndpoint::id, this::resend);
    }

    public DeliveryOutcome deliver(CheckoutCall call) {
        IntegrationEndpoint endpoint = call.endpoint();
        redeliveries.remember(endpoint);
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
        return redeliveries.redeliver(recordID);
    }

    /** Re-sends a failed submit to {@code endpoint} (its current URL and keys). */
    public Redelivery.Result redeliver(String recordID, IntegrationEndpoint endpoint) {
        return redeliveries.redeliver(recordID, endpoint);
    }

    /** Sends a copy of any checkout record (e.g. an {@code ordercalculate}) to {@code url}, signed with the endpoint's key. */
    public Redelivery.Result replayTo(String recordID, String url) {
        return redeliveries.replayTo(recordID, url, (e, u) -> new IntegrationEndpoint(e.id(), u, e.hashKey(),
                e.customAuthHeaderName(), e.customAuthHeaderValue(), e.configData()));
    }

    private Sent resend(DeliveryRecord record, IntegrationEndpoint endpoint) {
        CheckoutEventType type = CheckoutEventType.fromSuffix(String.valueOf(record.subject()))
                .orElse(CheckoutEventType.ORDER_SUBMIT);
        Attempt attempt = attempt(type, endpoint, record.orderID(), record.requestBody(),
                record.idempotencyKey()).withRedeliveryOf(record.id());
        return deliverer.send(attempt, timeLimit);
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
