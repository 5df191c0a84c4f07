package io.orderhooks.engine.internal.sharedcarts;

import io.orderhooks.engine.internal.orders.Modifications;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.Order;
import java.util.Locale;

/** Which orders a list returns ({@code orderType} of {@code GET v1/me/orders}): all, personal or shared ones. */
public enum OrderType {
    /** Personal and shared organization orders (the default). */
    ALL,
    /** Orders that were never shared with the organization. */
    PERSONAL,
    /** Shared organization carts and the orders submitted from them. */
    SHARED;

    /** Whether {@code o} is of this type. */
    public boolean matches(Order o) {
        return switch (this) {
            case ALL -> true;
            case PERSONAL -> !Modifications.isShared(o);
            case SHARED -> Modifications.isShared(o);
        };
    }

    /**
     * Parses {@code all}, {@code personal} or {@code shared} (any case); null or blank = {@link #ALL}.
     *
     * @throws OrderCloudException 400 {@code ValidationFailure} naming the bad value
     */
    public static OrderType parse(String value) {
        if (value == null || value.isBlank()) {
            return ALL;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "all" -> ALL;
            case "personal" -> PERSONAL;
            case "shared" -> SHARED;
            default -> throw OrderCloudException.validation("orderType must be all, personal or shared, was " + value);
        };
    }
}
