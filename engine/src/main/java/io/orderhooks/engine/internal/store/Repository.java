package io.orderhooks.engine.internal.store;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One table of a {@link Store}. Every method is atomic on its own and thread-safe; {@link #list()} is a
 * snapshot in insertion order.
 */
public interface Repository<T> {

    /** The value under {@code key}; empty when absent or when {@code key} is null (a request that named no ID). */
    Optional<T> find(String key);

    /**
     * The values under {@code keys} that exist, keyed by key in the order of {@code keys} (null keys and duplicates
     * ignored): as many {@link #find} calls, in one statement in a JDBC store.
     */
    default java.util.Map<String, T> findAll(java.util.Collection<String> keys) {
        java.util.Map<String, T> found = new java.util.LinkedHashMap<>();
        for (String key : keys) {
            if (key != null && !found.containsKey(key)) {
                find(key).ifPresent(v -> found.put(key, v));
            }
        }
        return found;
    }

    List<T> list();

    /** A snapshot of the values whose key starts with {@code keyPrefix} (e.g. {@code buyerID/}), in insertion order. */
    List<T> listWithPrefix(String keyPrefix);

    /**
     * The values whose {@link Table#lookup() lookup} equals {@code lookup}, in insertion order; empty when the
     * table declares no lookup. An index lookup in a JDBC store.
     */
    List<T> findByLookup(String lookup);

    /** Adds a new value; fails with 409 {@code IdExists} when the key is taken. */
    void insert(String key, T value);

    /** Adds or replaces. */
    void put(String key, T value);

    /**
     * What a save route stores: {@link #insert} when {@code create} (a POST: one atomic insert, so of two racing creates
     * of one key one gets 409 {@code IdExists}), otherwise {@link #put}.
     */
    default void save(String key, T value, boolean create) {
        if (create) {
            insert(key, value);
        } else {
            put(key, value);
        }
    }

    /**
     * As {@link #save(String, Object, boolean)} for a resource whose key is composite ({@code ownerID/ID}): a taken key
     * is 409 {@code IdExists} naming {@code resource} and the {@code id} the caller gave, not the whole key.
     */
    default void save(String key, T value, boolean create, String resource, String id) {
        try {
            save(key, value, create);
        } catch (io.orderhooks.core.error.OrderCloudException e) {
            if (create && "IdExists".equals(e.errorCode())) {
                throw new io.orderhooks.core.error.OrderCloudException(409, "IdExists", resource + " already exists: " + id);
            }
            throw e;
        }
    }

    /**
     * Replaces the value under {@code key} with {@code change(old)} atomically; {@code change} may throw
     * to refuse, leaving the value unchanged. Returns the new value; 404 {@code NotFound} when absent.
     */
    T update(String key, UnaryOperator<T> change);

    /** Removes the key; returns whether it was there. */
    boolean delete(String key);

    /**
     * Removes the key if it is there, for a caller that does not need to know whether it was: a store may then make
     * the delete part of the statement that commits the order operation it runs in (the JDBC store on PostgreSQL, in
     * an optimistic order write), instead of a statement of its own.
     */
    default void discard(String key) {
        delete(key);
    }
}
