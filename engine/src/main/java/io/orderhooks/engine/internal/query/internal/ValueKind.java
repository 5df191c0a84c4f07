package io.orderhooks.engine.internal.query.internal;

/** How a property's values are compared: decided once per property from its Java type. */
public enum ValueKind {
    /** Strings and enums: case-insensitive. */
    STRING,
    /** Any Java number: compared with {@link java.math.BigDecimal} semantics. */
    NUMBER,
    /** {@code OffsetDateTime}, {@code ZonedDateTime}, {@code Instant}: compared chronologically. */
    DATE,
    /** {@code true} / {@code false}. */
    BOOLEAN,
    /** A nested object (record or bean); filter its properties, or test it with {@code *} / {@code !*}. */
    OBJECT,
    /** Free JSON ({@code xp}): any path below it is allowed and values compare by their JSON type. */
    JSON;

    /** Whether values of this kind can be compared or sorted as single values. */
    public boolean isScalar() {
        return this != OBJECT && this != JSON;
    }
}
