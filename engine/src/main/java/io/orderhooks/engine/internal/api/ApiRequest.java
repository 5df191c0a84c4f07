package io.orderhooks.engine.internal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.engine.internal.api.auth.AccessClaims;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.receiver.ReceiverErrors;
import java.util.List;
import java.util.Map;

/**
 * What an {@link ApiHandler} sees of a request: the caller, path and query parameters, and the body, bound
 * on demand with the orderhooks JSON configuration. Malformed JSON becomes a 400 naming where it failed.
 */
public final class ApiRequest {

    private final ApiRoute route;
    private final AccessClaims caller;
    private final String accessToken;
    private final Map<String, String> pathParams;
    private final Map<String, List<String>> queryParams;
    private final byte[] body;
    private JsonNode tree;

    public ApiRequest(ApiRoute route, AccessClaims caller, String accessToken, Map<String, String> pathParams,
            Map<String, List<String>> queryParams, byte[] body) {
        this.route = route;
        this.caller = caller;
        this.accessToken = accessToken;
        this.pathParams = Map.copyOf(pathParams);
        this.queryParams = Map.copyOf(queryParams);
        this.body = body == null ? new byte[0] : body;
    }

    public ApiRoute route() {
        return route;
    }

    /** The authenticated caller; null only on public routes. */
    public AccessClaims caller() {
        return caller;
    }

    /** The caller's bearer token as sent (for the checkout payload's {@code OrderCloudAccessToken}). */
    public String accessToken() {
        return accessToken;
    }

    /** A path parameter by its template name, e.g. {@code orderID}. */
    public String param(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route " + route.template() + " has no parameter " + name);
        }
        return value;
    }

    public Map<String, String> pathParams() {
        return pathParams;
    }

    public Map<String, List<String>> query() {
        return queryParams;
    }

    /** The first value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> values = queryParams.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public boolean hasBody() {
        return body.length > 0 && !new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank();
    }

    public byte[] rawBody() {
        return body;
    }

    /** The body as a JSON tree (an empty object when there is no body). */
    public JsonNode bodyTree() {
        if (tree == null) {
            try {
                tree = hasBody() ? OrderCloudJson.mapper().readTree(body) : OrderCloudJson.mapper().createObjectNode();
            } catch (JsonProcessingException e) {
                throw ReceiverErrors.malformedJson(e);
            } catch (java.io.IOException e) {
                throw OrderCloudException.validation("Request body could not be read");
            }
        }
        return tree;
    }

    /** The body as a JSON object; anything else is a 400. */
    public ObjectNode bodyObject() {
        JsonNode node = bodyTree();
        if (!node.isObject()) {
            throw new OrderCloudException(400, "Request.InvalidJson", "Request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** The body bound to {@code type}; wrong types are a 400 naming the property. */
    public <T> T body(Class<T> type) {
        try {
            return OrderCloudJson.mapper().treeToValue(bodyTree(), type);
        } catch (JsonProcessingException e) {
            throw ReceiverErrors.malformedJson(e);
        }
    }
}
