package io.orderhooks.engine.internal.collections;

import io.orderhooks.core.error.OrderCloudException;
import java.util.Arrays;

/** Who besides the owner and accepted invitees may read a product collection. */
public enum AccessLevel {
    /** Only the owner and accepted invitees (the default). */
    Private,
    /** Listed in {@code GET v1/me/productcollections} for every user of the owner's buyer, anonymous included. */
    Public,
    /** Readable by ID by every user of the owner's buyer, anonymous included; not listed. */
    Shareable;

    /** The level named {@code wire}; null means {@link #Private}; anything else is a 400 {@code ValidationFailure}. */
    public static AccessLevel parse(String wire) {
        if (wire == null) {
            return Private;
        }
        return Arrays.stream(values()).filter(v -> v.name().equals(wire)).findFirst()
                .orElseThrow(() -> OrderCloudException.validation(
                        "AccessLevel must be one of Private, Public, Shareable; was " + wire));
    }
}
