package io.orderhooks.core.model;

import java.util.Optional;

/**
 * The integration events the engine posts with a worksheet, with the URL suffix OrderCloud posts each to: the five
 * {@code OrderCheckout} events and the {@code OrderReturn} event's {@code /calculateorderreturn}.
 */
public enum CheckoutEventType {
    SHIPPING_RATES("shippingrates", true),
    ORDER_CALCULATE("ordercalculate", true),
    ORDER_SUBMIT("ordersubmit", false),
    ORDER_SUBMIT_FOR_APPROVAL("ordersubmitforapproval", false),
    ORDER_APPROVED("orderapproved", false),
    ORDER_RETURN_CALCULATE("calculateorderreturn", true);

    private static final CheckoutEventType[] VALUES = values();

    private final String suffix;
    private final boolean readOnly;

    CheckoutEventType(String suffix, boolean readOnly) {
        this.suffix = suffix;
        this.readOnly = readOnly;
    }

    /** The lower-case suffix appended to {@code CustomImplementationUrl}, without a slash. */
    public String suffix() {
        return suffix;
    }

    /**
     * Whether the event only computes an answer (shipping rates, calculate), so that repeating it after a
     * connection failure is safe. Submit and approval events have effects downstream and are not retried.
     */
    public boolean safeToRetry() {
        return readOnly;
    }

    /** Whether this is one of the five {@code OrderCheckout} events (not the {@code OrderReturn} event). */
    public boolean isOrderCheckout() {
        return this != ORDER_RETURN_CALCULATE;
    }

    /** The five {@code OrderCheckout} events, in declaration order. */
    public static java.util.List<CheckoutEventType> orderCheckout() {
        return java.util.Arrays.stream(VALUES).filter(CheckoutEventType::isOrderCheckout).toList();
    }

    /** The event for a suffix, with or without a leading slash, in any case. */
    public static Optional<CheckoutEventType> fromSuffix(String suffix) {
        String s = suffix.startsWith("/") ? suffix.substring(1) : suffix;
        for (CheckoutEventType type : VALUES) {
            if (type.suffix.equalsIgnoreCase(s)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
