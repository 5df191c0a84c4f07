package io.orderhooks.core.receiver;

import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.signing.OcHash;
import java.util.Optional;

/**
 * The checks every receiver makes on the raw request before it parses anything, in this order: body size
 * (413), content type (415), signature over the exact bytes (401). Method and path are the dispatcher's.
 */
public final class RequestGuard {

    /** Default body limit: 4 MiB, room for a worksheet of a few thousand lines. */
    public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;

    private final long maxBodyBytes;

    public RequestGuard(long maxBodyBytes) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The error to answer with, or empty when the request may be parsed. */
    public Optional<RawResponse> check(RawRequest request, SignaturePolicy signature) {
        if (request.body().length > maxBodyBytes) {
            return Optional.of(ReceiverErrors.tooLarge(maxBodyBytes));
        }
        String contentType = request.header("Content-Type");
        if (!isJson(contentType)) {
            return Optional.of(ReceiverErrors.unsupportedMediaType(contentType));
        }
        if (!signature.accepts(request.body(), request.header(OcHash.HEADER))) {
            return Optional.of(ReceiverErrors.unauthorized());
        }
        return Optional.empty();
    }

    /** {@code application/json} or any {@code +json} type, with any parameters. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.equalsIgnoreCase("application/json")
                || (type.regionMatches(true, 0, "application/", 0, 12)
                        && type.regionMatches(true, type.length() - 5, "+json", 0, 5));
    }
}
