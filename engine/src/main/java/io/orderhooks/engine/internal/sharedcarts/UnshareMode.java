package io.orderhooks.engine.internal.sharedcarts;

import io.orderhooks.core.error.OrderCloudException;

/** What unsharing does with a shared organization cart. */
public enum UnshareMode {
    /** Merge its lines into the caller's current personal cart, then delete it. */
    MergeIntoPersonal,
    /** Delete it with its lines. */
    Remove;

    /**
     * Parses the wire value ({@code MergeIntoPersonal} or {@code Remove}, exact spelling).
     *
     * @throws OrderCloudException 400 {@code ValidationFailure} when missing or unknown
     */
    public static UnshareMode parse(String value) {
        if (value == null) {
            throw OrderCloudException.validation("Mode is required (MergeIntoPersonal or Remove)");
        }
        for (UnshareMode m : values()) {
            if (m.name().equals(value)) {
                return m;
            }
        }
        throw OrderCloudException.validation("Mode must be MergeIntoPersonal or Remove, was " + value);
    }
}
