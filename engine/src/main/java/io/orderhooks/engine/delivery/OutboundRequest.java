package io.orderhooks.engine.delivery;

import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.signing.OcHash;
import io.orderhooks.core.trace.Traces;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request ready to send: the exact body bytes and every header, the signature already computed over
 * those bytes. Transports send it unchanged.
 *
 * @param url the absolute URL (HTTP transports POST to it)
 * @param path the path a receiver mounted at the endpoint's base URL sees, e.g. {@code /ordersubmit}
 *     (in-process transports hand it to the dispatcher)
 * @param body the exact bytes; owned by the request, not to be changed
 * @param headers header names and values, in sending order
 */
public record OutboundRequest(String url, String path, byte[] body, Map<String, String> headers) {

    /** The header a receiver can de-duplicate submits and approvals by. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    public OutboundRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /**
     * A JSON POST of {@code body}: {@code Content-Type}, {@code X-oc-hash} over exactly {@code body} when
     * {@code hashKey} is set, the custom auth header when both its name and value are set, and
     * {@code Idempotency-Key} when {@code idempotencyKey} is set, and, when a trace is current on this thread
     * ({@link Traces#current()}: the API request that caused the delivery), its W3C {@code traceparent} (a child
     * span) and {@code X-Correlation-ID}, so the receiver logs under the same trace. The headers are fixed here, so
     * a post-webhook queued now and sent later still carries the request's trace.
     */
    public static OutboundRequest signed(String url, String path, byte[] body, String hashKey,
            String customAuthHeaderName, String customAuthHeaderValue, String idempotencyKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", RawResponse.JSON);
        if (hashKey != null && !hashKey.isBlank()) {
            headers.put(OcHash.HEADER, OcHash.sign(hashKey, body));
        }
        if (customAuthHeaderName != null && !customAuthHeaderName.isBlank() && customAuthHeaderValue != null) {
            headers.put(customAuthHeaderName, customAuthHeaderValue);
        }
        if (idempotencyKey != null) {
            headers.put(IDEMPOTENCY_KEY, idempotencyKey);
        }
        headers.putAll(Traces.outgoing());
        return new OutboundRequest(url, path, body, headers);
    }

    /** {@code base} and {@code suffix} joined by exactly one slash. */
    public static String join(String base, String suffix) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String s = suffix.startsWith("/") ? suffix.substring(1) : suffix;
        return b + "/" + s;
    }
}
