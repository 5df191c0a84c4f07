package io.orderhooks.engine.internal.orders;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A checkout call in flight on an order: recorded (and committed) before the engine calls the middleware, cleared in
 * the commit that applies the answer. While it is {@link #activeAt active} every other change of the order is refused
 * with {@code Order.CheckoutInProgress}; once {@link #expires} has passed it is void, so an engine that crashed
 * mid-call never blocks the order for good, and the late answer of that call is refused.
 *
 * @param id unique per reservation; only the call holding it may complete it
 * @param eventType the checkout event being called ({@code ordersubmit}, {@code ordersubmitforapproval}, {@code orderapproved})
 * @param revision the order's {@link OrderState#revision()} once the reservation was committed
 * @param expires when the reservation stops counting (the engine's clock)
 */
public record CheckoutReservation(String id, String eventType, long revision, OffsetDateTime expires) {

    /** How long a reservation holds: well above any checkout call's time limit (the senders default to 10 s). */
    public static final Duration TTL = Duration.ofMinutes(5);

    public CheckoutReservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(expires, "expires");
    }

    /** Whether the reservation still holds at {@code now}. */
    public boolean activeAt(OffsetDateTime now) {
        return now.isBefore(expires);
    }
}
