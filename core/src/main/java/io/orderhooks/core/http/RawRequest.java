package io.orderhooks.core.http;

import java.util.Objects;

/**
 * A request as a transport hands it over: method, path (relative to where the receiver is mounted, e.g.
 * {@code /ordercalculate}), headers and the exact body bytes, unparsed. The body array is owned by the
 * request; callers must not change it.
 */
public record RawRequest(String method, String path, HttpHeaders headers, byte[] body) {

    public RawRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = headers == null ? HttpHeaders.empty() : headers;
        body = body == null ? new byte[0] : body;
    }

    public static RawRequest post(String path, HttpHeaders headers, byte[] body) {
        return new RawRequest("POST", path, headers, body);
    }

    public String header(String name) {
        return headers.first(name);
    }
}
