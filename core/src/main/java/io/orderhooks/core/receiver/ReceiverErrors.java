package io.orderhooks.core.receiver;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.http.OnceAnswer;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * The error answers every orderhooks receiver gives, in OrderCloud's shape, so integration events and
 * webhooks fail alike. None of them carries a stack trace.
 */
public final class ReceiverErrors {

    /** The message OrderCloud's own catalyst uses for a bad or missing signature. */
    public static final String UNAUTHORIZED_MESSAGE =
            "X-oc-hash header does not match. Endpoint can only be hit from a valid OrderCloud webhook.";

    private ReceiverErrors() {}

    public static RawResponse unauthorized() {
        return RawResponse.error(401, "Unauthorized", UNAUTHORIZED_MESSAGE);
    }

    public static RawResponse notFound(String path) {
        return RawResponse.error(404, "NotFound", "No handler is registered for " + path);
    }

    public static RawResponse methodNotAllowed(String method, String path) {
        return RawResponse.error(405, "MethodNotAllowed", method + " is not allowed on " + path + "; use POST")
                .withHeader("Allow", "POST");
    }

    public static RawResponse unsupportedMediaType(String contentType) {
        return RawResponse.error(415, "Request.InvalidContentType",
                "Content-Type must be application/json, was " + (contentType == null ? "missing" : contentType));
    }

    public static RawResponse tooLarge(long limitBytes) {
        return RawResponse.error(413, "Request.TooLarge", "Request body exceeds the limit of " + limitBytes + " bytes");
    }

    /**
     * A 400 for a body that could not be read to its end: the client went away, or the server cut the body off (an
     * adapter's read timeout). Adapters log it in one line, not as a failure of the server.
     */
    public static RawResponse aborted() {
        return RawResponse.error(400, "Request.Aborted", "The request body was not received completely");
    }

    /**
     * A 400 naming where the JSON failed: line, column and the property path, e.g.
     * {@code OrderWorksheet.LineItems[2].Quantity}.
     */
    public static OrderCloudException malformedJson(JsonProcessingException e) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        JsonLocation at = e.getLocation();
        StringBuilder message = new StringBuilder("Malformed JSON");
        String path = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            path = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            message.append(" at ").append(path);
            data.put("Path", path);
        }
        if (at != null && at.getLineNr() > 0) {
            message.append(path == null ? " at" : ",").append(" line ").append(at.getLineNr())
                    .append(" column ").append(at.getColumnNr());
            data.put("Line", at.getLineNr());
            data.put("Column", at.getColumnNr());
        }
        message.append(": ").append(e.getOriginalMessage());
        return new OrderCloudException(400, "Request.InvalidJson", message.toString(), data);
    }

    /**
     * A 500 for an unexpected failure: the cause is logged with a correlation id, and only that id reaches
     * the caller.
     */
    public static RawResponse internal(Logger log, String what, Throwable cause) {
        String correlationId = UUID.randomUUID().toString();
        log.error("{} failed unexpectedly [correlationId={}]", what, correlationId, cause);
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("CorrelationID", correlationId);
        return RawResponse.json(500, new OrderCloudException(500, "ServerError",
                "An unexpected error occurred; quote correlation id " + correlationId, data).toResponse())
                .withHeader("X-Correlation-ID", correlationId);
    }

    /**
     * Calls {@code handler}'s asynchronous entry with {@code answer} and makes sure one answer goes out: a handler
     * that throws, or returns without having answered, is answered 500 with a correlation id ({@code what} names
     * the request in the log line). For transport adapters; returns when the handler has.
     */
    public static void callAnswering(RawHandler handler, RawRequest request, OnceAnswer answer, Logger log,
            String what) {
        try {
            handler.handle(request, answer);
        } catch (RuntimeException e) {
            answer.send(internal(log, what, e));
        }
        if (!answer.sent()) {
            answer.send(internal(log, what, new IllegalStateException("the handler returned without an answer")));
        }
    }
}
