package io.orderhooks.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.json.OrderCloudJson;
import java.util.Map;

/** Short constructors for the engine's caller-facing errors (every code is listed in docs/ENGINE.md). */
public final class Errors {

    private Errors() {}

    /** 400 with an OrderCloud {@code Resource.Reason} code. */
    public static OrderCloudException bad(String code, String message) {
        return new OrderCloudException(400, code, message);
    }

    /** 400 with data (e.g. the offending IDs). */
    public static OrderCloudException bad(String code, String message, Map<String, ?> data) {
        JsonNode node = OrderCloudJson.mapper().valueToTree(data);
        return new OrderCloudException(400, code, message, node);
    }

    public static OrderCloudException notFound(String resource, String id) {
        return OrderCloudException.notFound(resource, id);
    }

    public static OrderCloudException required(String field) {
        return OrderCloudException.validation(field + " is required");
    }

    /** 403: the caller's user type may never do this, whatever its roles. */
    public static OrderCloudException forbidden(String message) {
        return new OrderCloudException(403, "Auth.UserNotAuthorizedToAdmin", message);
    }

    /** Requires a seller (marketplace owner) caller. */
    public static void requireSeller(Caller caller) {
        if (!caller.isSeller()) {
            throw forbidden("only the marketplace owner may administer this resource");
        }
    }
}
