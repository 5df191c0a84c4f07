package io.orderhooks.core.http;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.internal.JsonBytes;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.ErrorResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response for a transport to write: status, headers and the exact body bytes. */
public record RawResponse(int status, Map<String, String> headers, byte[] body) {

    public static final String JSON = "application/json; charset=utf-8";

    public RawResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** A JSON response of already-serialized bytes. */
    public static RawResponse json(int status, byte[] body) {
        return new RawResponse(status, Map.of("Content-Type", JSON), body);
    }

    /** A JSON response of {@code value}, serialized with the shared orderhooks mapper. */
    public static RawResponse json(int status, Object value) {
        try {
            return json(status, JsonBytes.write(OrderCloudJson.mapper(), value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getName(), e);
        }
    }

    /** OrderCloud's error shape with {@code status}. */
    public static RawResponse error(int status, String errorCode, String message) {
        return json(status, ErrorResponse.of(errorCode, message));
    }

    public static RawResponse error(OrderCloudException e) {
        return json(e.status(), e.toResponse());
    }

    /** A copy with one more header. */
    public RawResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new RawResponse(status, copy, body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
