package io.orderhooks.engine.internal.query.internal;

/** The comparison prefixes of a filter value ({@code >}, {@code >=}, {@code <}, {@code <=}). */
public enum Operator {
    GT(">"), GE(">="), LT("<"), LE("<=");

    /** The prefix as written in a query, which is also its SQL spelling. */
    public final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    boolean accepts(int sign) {
        return switch (this) {
            case GT -> sign > 0;
            case GE -> sign >= 0;
            case LT -> sign < 0;
            case LE -> sign <= 0;
        };
    }
}
