package io.orderhooks.engine.internal.query.internal;

/**
 * One alternative of a filter value as parsed ({@code *}, {@code Open}, {@code >=100}, {@code *oh*}), with whether
 * it was written with {@code !}. Kept next to the compiled {@link Matcher} so a store can translate the same
 * filter into its own query language (SQL) and get the same answer.
 *
 * @param operator set for {@link Shape#COMPARE} only
 * @param glob set for {@link Shape#LIKE} only
 * @param literal set for {@link Shape#EQUAL} and {@link Shape#COMPARE}
 */
public record FilterTerm(Shape shape, boolean negated, Operator operator, Glob glob, Literal literal) {

    /** What the term tests. */
    public enum Shape {
        /** {@code *}: the value is present. */
        PRESENT,
        /** Equal to the literal (numbers numerically, dates as instants or a whole UTC day, text ignoring case). */
        EQUAL,
        /** Compared with the literal by {@link #operator()}. */
        COMPARE,
        /** The value's text matches the wildcard pattern, ignoring case. */
        LIKE
    }

    /** The matcher of the term without its {@code !}, for values of {@code kind}. */
    public Matcher positive(ValueKind kind) {
        return switch (shape) {
            case PRESENT -> Matchers.present();
            case EQUAL -> Matchers.equalTo(literal, kind);
            case COMPARE -> Matchers.compare(operator, literal, kind);
            case LIKE -> Matchers.like(glob);
        };
    }
}
