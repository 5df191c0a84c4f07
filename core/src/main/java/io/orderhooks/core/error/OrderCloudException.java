package io.orderhooks.core.error;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.model.ApiError;
import io.orderhooks.core.model.ErrorResponse;
import java.util.Objects;

/**
 * The base of every orderhooks exception meant for a caller: an HTTP status, an OrderCloud error code
 * ({@code NotFound}, {@code Order.CannotSubmitBadStatus}, ...), a message and optional data. Adapters
 * turn it into {@code {"Errors":[{ErrorCode,Message,Data}]}} with that status; nothing else of it (no
 * stack trace, no cause) reaches the caller.
 */
public class OrderCloudException extends RuntimeException {

    private final int status;
    private final String errorCode;
    private final transient JsonNode data;

    public OrderCloudException(int status, String errorCode, String message, JsonNode data) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx, was " + status);
        }
        this.status = status;
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.data = data;
    }

    public OrderCloudException(int status, String errorCode, String message) {
        this(status, errorCode, message, null);
    }

    /**
     * 404 {@code NotFound} with OrderCloud's {@code Data} {@code {"ObjectType":resource,"ObjectID":id}}: the
     * official SDKs build their error message from it (the JavaScript SDK fails with a TypeError without it).
     */
    public static OrderCloudException notFound(String resource, String id) {
        JsonNode data = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("ObjectType", resource).put("ObjectID", id);
        return new OrderCloudException(404, "NotFound", resource + " not found: " + id, data);
    }

    public static OrderCloudException validation(String message) {
        return new OrderCloudException(400, "ValidationFailure", message);
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public JsonNode data() {
        return data;
    }

    public ApiError toApiError() {
        return new ApiError(errorCode, getMessage(), data);
    }

    public ErrorResponse toResponse() {
        return new ErrorResponse(java.util.List.of(toApiError()));
    }
}
