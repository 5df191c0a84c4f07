package io.orderhooks.engine.internal.checkout;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.orders.CheckoutReservation;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.orders.ReservingStore;
import io.orderhooks.engine.internal.store.Mutation;
import java.util.Map;
import java.util.function.Function;

/**
 * The three steps of a checkout call that must not hold the order while the middleware answers: reserve (a short
 * transaction that records a {@link CheckoutReservation}), call (no transaction, lock or connection held), complete
 * (a short transaction that applies the answer and every effect only when the order is still exactly as reserved).
 * See {@code docs/DURABILITY.md}, "Transactions". Thread-safe.
 */
public final class CheckoutHold {

    private final EngineContext ctx;
    private final ReservingStore store;

    public CheckoutHold(EngineContext ctx) {
        this.ctx = ctx;
        this.store = ReservingStore.of(ctx.store(), ctx.clock());
    }

    /** A new reservation of {@code s} for {@code type}, valid for {@link CheckoutReservation#TTL}; commit it with the order. */
    public CheckoutReservation reservationFor(OrderState s, CheckoutEventType type) {
        return new CheckoutReservation(ctx.ids().next(), type.suffix(), s.revision() + 1, ctx.now().plus(CheckoutReservation.TTL));
    }

    /**
     * Runs {@code work} on the order as the holder of {@code held}: refused with 409
     * {@code Order.ChangedDuringIntegrationEvent} (nothing changed) unless the order still holds {@code held}, unexpired,
     * at the revision it was reserved at. What the work commits clears nothing by itself: it should return its state
     * with {@code withReservation(null)}.
     */
    public <R> R complete(String orderID, CheckoutReservation held, Function<OrderState, Mutation<R>> work) {
        return store.withReservation(orderID, held.id(), s -> {
            requireHeld(s, held);
            return work.apply(s);
        });
    }

    /** Refused unless {@code s} is still exactly what {@code held} reserved (same reservation, revision, unexpired). */
    public void requireHeld(OrderState s, CheckoutReservation held) {
        CheckoutReservation now = s.reservation();
        if (now == null || !now.id().equals(held.id()) || s.revision() != held.revision() || !held.activeAt(ctx.now())) {
            throw changed(s.id(), held.eventType());
        }
    }

    /** Refused unless {@code s} is at {@code revision} (an optimistic call: estimate, calculate). */
    public static void requireRevision(OrderState s, long revision, CheckoutEventType type) {
        if (s.revision() != revision) {
            throw changed(s.id(), type.suffix());
        }
    }

    /** 409 {@code Order.ChangedDuringIntegrationEvent}: the answer of a checkout call was not applied. */
    static OrderCloudException changed(String orderID, String eventType) {
        return new OrderCloudException(409, "Order.ChangedDuringIntegrationEvent", "Order " + orderID + " changed while the "
                + eventType + " integration event was running; its answer was not applied. Try again.",
                OrderCloudJson.mapper().valueToTree(Map.of("OrderID", orderID, "EventType", eventType)));
    }
}
