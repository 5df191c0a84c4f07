package io.orderhooks.engine.internal.store;

import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.core.error.OrderCloudException;

/**
 * What one serialized operation on an order decided: the state to commit (or none, or deletion), the value
 * to return, and optionally an error to raise <em>after</em> committing (used to record a failed
 * integration answer while refusing the request).
 */
public record Mutation<R>(OrderState next, boolean delete, R result, OrderCloudException failure) {

    /** Commit {@code next} and return {@code result}. */
    public static <R> Mutation<R> commit(OrderState next, R result) {
        return new Mutation<>(next, false, result, null);
    }

    /** Change nothing; return {@code result}. */
    public static <R> Mutation<R> unchanged(R result) {
        return new Mutation<>(null, false, result, null);
    }

    /** Delete the order; return {@code result}. */
    public static <R> Mutation<R> delete(R result) {
        return new Mutation<>(null, true, result, null);
    }

    /** Commit {@code next}, then throw {@code failure} to the caller. */
    public static <R> Mutation<R> commitThenFail(OrderState next, OrderCloudException failure) {
        return new Mutation<>(next, false, null, failure);
    }
}
