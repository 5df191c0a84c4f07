package io.orderhooks.engine.internal.orders;

import io.orderhooks.engine.internal.Errors;

/** Order direction as seen by the caller: {@code Outgoing} (orders it placed), {@code Incoming} (orders placed with it), {@code All}. */
public enum Direction {
    Incoming,
    Outgoing,
    All;

    /** Parses a route value case-insensitively; 400 {@code ValidationFailure} for anything else. */
    public static Direction parse(String s) {
        for (Direction d : values()) {
            if (d.name().equalsIgnoreCase(s)) {
                return d;
            }
        }
        throw Errors.bad("ValidationFailure", "direction must be Incoming, Outgoing or All, was " + s);
    }
}
