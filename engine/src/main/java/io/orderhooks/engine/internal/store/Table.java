package io.orderhooks.engine.internal.store;

import java.util.Objects;
import java.util.function.Function;

/**
 * A named, typed collection of one resource (a table for a JDBC store). Keys are strings; resources scoped
 * to an owner use {@link #key(String...)} to compose theirs.
 *
 * <p>Adding a table costs nothing in the schema: a JDBC store keeps every table's rows in one document table
 * keyed by {@link #name()} and key. A table that is looked up by something other than its key declares a
 * {@link #lookup() lookup} (e.g. a user's username): the store keeps it in an indexed column, so
 * {@link Repository#findByLookup} is an index lookup, not a scan.
 *
 * @param lookup the one secondary key of a value ({@code null} when the value has none), or {@code null} when the
 *     table has no secondary key; it must be a pure function of the value
 */
public record Table<T>(String name, Class<T> type, Function<T, String> lookup) {

    public Table {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static <T> Table<T> of(String name, Class<T> type) {
        return new Table<>(name, type, null);
    }

    /** A table whose values are also found by {@code lookup} (see {@link Repository#findByLookup}). */
    public static <T> Table<T> withLookup(String name, Class<T> type, Function<T, String> lookup) {
        return new Table<>(name, type, Objects.requireNonNull(lookup, "lookup"));
    }

    /** The secondary key of {@code value}, or {@code null}. */
    public String lookupOf(T value) {
        return lookup == null || value == null ? null : lookup.apply(value);
    }

    /** A composite key such as {@code buyerID/userID}. */
    public static String key(String... parts) {
        return String.join("/", parts);
    }

    /** Tables are equal by name and type (a lookup is a function, compared by identity otherwise). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Table<?> t && t.name.equals(name) && t.type.equals(type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type);
    }
}
