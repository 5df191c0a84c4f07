package io.orderhooks.javalin;

import io.orderhooks.core.http.RawResponse;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error pages in OrderCloud's error shape: whatever status Jetty itself answers (400 for a bad path or
 * header, 404, 405, 408, 413, 414, 415, 431, 500...) goes out as {@code {"Errors":[{ErrorCode, Message, Data}]}},
 * never as HTML, and never with a stack trace.
 */
final class OrderCloudErrorHandler extends ErrorHandler {

    /** OrderCloud-style error code for a status Jetty produced. */
    static String errorCode(int status) {
        return switch (status) {
            case 400 -> "InvalidRequest";
            case 401 -> "InvalidToken";
            case 403 -> "InsufficientRoles";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 408 -> "Request.Timeout";
            case 413 -> "Request.TooLarge";
            case 414 -> "Request.UriTooLong";
            case 415 -> "Request.InvalidContentType";
            case 431 -> "Request.HeadersTooLarge";
            case 503 -> "ServiceUnavailable";
            default -> status >= 500 ? "ServerError" : "InvalidRequest";
        };
    }

    static byte[] body(int status, String reason) {
        String message = reason == null || reason.isBlank() ? "HTTP " + status : reason;
        return RawResponse.error(status, errorCode(status), message).body();
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, RawResponse.JSON);
        return ByteBuffer.wrap(body(status, reason));
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, RawResponse.JSON);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }
}
