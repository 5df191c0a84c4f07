package io.orderhooks.engine.internal.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * Reads one property of a list item by its dotted wire path ({@code Status}, {@code FromUser.Email},
 * {@code xp.MoreInfo.TeamName}) as a JSON scalar, so the query engine compares every resource the same
 * way.
 *
 * <p>Contract for implementations: return {@code null} (or a JSON null) when the value or any step of the
 * path is missing; return numbers as numeric nodes, dates as textual ISO-8601 nodes, enums as textual
 * nodes; when a step of the path is a list, return an array of the values found under its elements.
 * Implementations must be thread-safe and must not modify the item.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PropertyReader<T> {

    /** The value at {@code dottedPath} in {@code item}, or null when absent. */
    JsonNode read(T item, String dottedPath);

    /**
     * A reader bound to one path, called once per query and path and then once per item. Override it when
     * a path can be compiled ahead (as {@link PropertyReaders#forRecord(Class)} does).
     */
    default Function<T, JsonNode> bind(String dottedPath) {
        return item -> read(item, dottedPath);
    }
}
