package io.orderhooks.engine.internal.store;

import java.util.Objects;

/**
 * A named, typed collection of one resource (a table for a JDBC store). Keys are strings; resources scoped
 * to an owner use {@link #key(String...)} to compose theirs.
 */
public record Table<T>(String name, Class<T> type) {

    public Table {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static <T> Table<T> of(String name, Class<T> type) {
        return new Table<>(name, type);
    }

    /** A composite key such as {@code buyerID/userID}. */
    public static String key(String... parts) {
        return String.join("/", parts);
    }
}
