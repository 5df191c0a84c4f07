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
 * on demand with the orderhooks JSON configuration and the request limits of
 * {@link io.orderhooks.core.json.JsonLimits} (depth, number and string lengths, no trailing content, no
 * coercion). Malformed or out-of-limit JSON becomes a 400 {@code Request.InvalidJson} naming where it failed.
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
                tree = hasBody() ? OrderCloudJson.requestMapper().readTree(body) : OrderCloudJson.mapper().createObjectNode();
            } catch (JsonProcessingException e) {
                throw withNumberPath(ReceiverErrors.malformedJson(e));
            } catch (java.io.IOException e) {
                throw OrderCloudException.validation("Request body could not be read");
            }
        }
        return tree;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper UNBOUNDED_NUMBERS = com.fasterxml.jackson.databind.json.JsonMapper
            .builder().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** An out-of-range number in free JSON: re-reads the (already depth-checked) body to name its path in Data. */
    private OrderCloudException withNumberPath(OrderCloudException error) {
        if (!error.getMessage().contains("is out of range") || error.data() == null || error.data().has("Path")) {
            return error;
        }
        try {
            String path = io.orderhooks.core.json.JsonLimits.firstOversizeNumber(UNBOUNDED_NUMBERS.readTree(body));
            if (path == null) {
                return error;
            }
            ObjectNode data = ((ObjectNode) error.data()).put("Path", path);
            return new OrderCloudException(400, error.errorCode(), error.getMessage().replaceFirst("^Malformed JSON",
                    "Malformed JSON at " + path), data);
        } catch (java.io.IOException | RuntimeException e) {
            return error;
        }
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
