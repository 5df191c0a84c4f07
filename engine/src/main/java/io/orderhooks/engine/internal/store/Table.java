package io.orderhooks.engine.internal.store;

import io.orderhooks.core.error.OrderCloudException;
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
 * <p>A lookup may be <b>unique</b> ({@link #withUniqueLookup}): no two values of the table share one (ignoring
 * {@code null}), enforced by the store on every write as one atomic step (a JDBC store's unique index), so two racing
 * writes of one username or promotion code cannot both succeed; the loser gets the table's {@link #lookupTaken} error.
 *
 * @param lookup the one secondary key of a value ({@code null} when the value has none), or {@code null} when the
 *     table has no secondary key; it must be a pure function of the value
 * @param lookupTaken for a unique lookup, the error of a write whose lookup another key holds; {@code null} otherwise
 */
public record Table<T>(String name, Class<T> type, Function<T, String> lookup,
        Function<String, OrderCloudException> lookupTaken) {

    public Table {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static <T> Table<T> of(String name, Class<T> type) {
        return new Table<>(name, type, null, null);
    }

    /** A table whose values are also found by {@code lookup} (see {@link Repository#findByLookup}). */
    public static <T> Table<T> withLookup(String name, Class<T> type, Function<T, String> lookup) {
        return new Table<>(name, type, Objects.requireNonNull(lookup, "lookup"), null);
    }

    /**
     * A table whose lookup is unique: a write whose lookup is held by another key changes nothing and fails with
     * {@code taken.apply(lookup)}.
     */
    public static <T> Table<T> withUniqueLookup(String name, Class<T> type, Function<T, String> lookup,
            Function<String, OrderCloudException> taken) {
        return new Table<>(name, type, Objects.requireNonNull(lookup, "lookup"), Objects.requireNonNull(taken, "taken"));
    }

    /** Whether no two values may share a lookup (see {@link #withUniqueLookup}). */
    public boolean uniqueLookup() {
        return lookupTaken != null;
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
