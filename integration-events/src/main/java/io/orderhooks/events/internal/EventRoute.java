package io.orderhooks.events.internal;

import io.orderhooks.core.receiver.SignaturePolicy;
import io.orderhooks.core.model.CheckoutEventType;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the dispatcher knows about one event endpoint.
 *
 * @param fallback answered when the handler fails unexpectedly or runs out of time; null for none
 * @param idempotent whether a repeated delivery for the same order replays the first successful answer
 */
public record EventRoute(CheckoutEventType type, EventCall handler, EventCall fallback, Duration timeLimit,
        SignaturePolicy signature, boolean idempotent) {

    public EventRoute {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(signature, "signature");
    }
}
