package io.orderhooks.engine.internal.orders;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.core.model.Order;
import java.time.OffsetDateTime;

/**
 * Records that a user changed an order: {@code LastUpdated} always, and on a shared organization cart
 * ({@code SharedWithOrganization=true}) also {@code LastModifierID}. Personal orders never get the field, so
 * they stay byte-identical to OrderCloud's. Every user-driven change to an order's contents (order fields,
 * addresses, lines, promotions) goes through {@link #touched}. Stateless.
 */
public final class Modifications {

    private Modifications() {}

    /** {@code o} changed by {@code caller} at {@code now}. */
    public static Order touched(Order o, Caller caller, OffsetDateTime now) {
        Order.Builder b = o.toBuilder().lastUpdated(now);
        if (isShared(o)) {
            b.lastModifierID(caller.userID());
        }
        return b.build();
    }

    /** Whether the order is a shared organization cart (or an order submitted from one). */
    public static boolean isShared(Order o) {
        return Boolean.TRUE.equals(o.sharedWithOrganization());
    }
}
