package io.orderhooks.engine.internal.query.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.error.OrderCloudException;

/** The list errors: status 400, an OrderCloud {@code List.*} code, a message naming the parameter. */
public final class QueryErrors {

    public static final String INVALID_PAGE_SIZE = "List.InvalidPageSize";
    public static final String INVALID_PROPERTY = "List.InvalidProperty";
    public static final String INVALID_SEARCH_PROPERTY = "List.InvalidSearchProperty";
    public static final String INVALID_SORT_PROPERTY = "List.InvalidSortProperty";
    public static final String INVALID_TYPE = "List.InvalidType";

    private QueryErrors() {}

    public static OrderCloudException pageSize(String value) {
        return error(INVALID_PAGE_SIZE, "pageSize must be a whole number from 1 to 100, got '" + value + "'.",
                "pageSize");
    }

    public static OrderCloudException page(String value) {
        return error(INVALID_PAGE_SIZE, "page must be a whole number of 1 or more, got '" + value + "'.", "page");
    }

    public static OrderCloudException property(String property, String resource) {
        return error(INVALID_PROPERTY, "Cannot filter on '" + property + "': " + resource
                + " has no such property.", property);
    }

    public static OrderCloudException searchProperty(String property, String resource) {
        return error(INVALID_SEARCH_PROPERTY, "Cannot search on '" + property + "' (searchOn): " + resource
                + " has no such property.", property);
    }

    public static OrderCloudException sortProperty(String property, String why) {
        return error(INVALID_SORT_PROPERTY, "Cannot sort on '" + property + "' (sortBy): " + why, property);
    }

    public static OrderCloudException type(String property, String value, String expected) {
        return error(INVALID_TYPE, "Invalid value '" + value + "' for filter '" + property + "': " + expected,
                property);
    }

    private static OrderCloudException error(String code, String message, String property) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("Property", property);
        return new OrderCloudException(400, code, message, data);
    }
}
