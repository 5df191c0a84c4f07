package io.orderhooks.core.model;

/**
 * Defaults of the fields OrderCloud types as plain {@code bool}/{@code int}/{@code decimal}: it always writes them
 * ({@code false}/{@code 0}), never {@code null}. Records call these from their compact constructors.
 */
final class WireDefaults {

    private WireDefaults() {
    }

    /** {@code false} for null. */
    static Boolean no(Boolean value) {
        return value == null ? Boolean.FALSE : value;
    }

    /** {@code 0} for null. */
    static Integer zero(Integer value) {
        return value == null ? Integer.valueOf(0) : value;
    }
}
