package io.orderhooks.javalin;

import io.orderhooks.core.http.BoundedBody;
import io.orderhooks.core.http.HttpHeaders;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves requests and responses between Javalin and the transport-agnostic {@link RawRequest} /
 * {@link RawResponse}. The body is read from the servlet stream with our own limit, so an oversize body is
 * answered in OrderCloud's shape instead of Javalin's.
 */
public final class JavalinBridge {

    private static final Logger LOG = LoggerFactory.getLogger(JavalinBridge.class);

    private JavalinBridge() {}

    /** Thrown when the body is longer than the limit; nothing past the limit is buffered. */
    public static final class BodyTooLarge extends RuntimeException {
        public BodyTooLarge() {
            super(null, null, false, false);
        }
    }

    /**
     * Thrown when the client went away (or was cut off by a deadline) while its body was read: not a server
     * failure, so it is logged in one line, without a stack trace.
     */
    public static final class ClientAborted extends RuntimeException {
        public ClientAborted(IOException cause) {
            super("client aborted while sending the request body: " + cause, null, false, false);
        }
    }

    /**
     * The raw request, with {@code path} as the dispatcher should see it.
     *
     * @throws BodyTooLarge if the body exceeds {@code maxBodyBytes}
     * @throws ClientAborted if the body could not be read to its end
     */
    public static RawRequest read(Context ctx, String path, long maxBodyBytes) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, Collections.list(ctx.req().getHeaders(name)));
        }
        return new RawRequest(ctx.req().getMethod(), path, HttpHeaders.ofMulti(headers), readBody(ctx, maxBodyBytes));
    }

    /**
     * Writes {@code response} to {@code ctx}. A success is written straight to Javalin's response stream (which
     * still applies Javalin's compression), sparing Javalin's copy of a result stream through a fresh 32 KiB
     * buffer per request; an error (status 400 and up) is set as the context's result, so Javalin's error pages
     * ({@link JavalinMount#errorPages}) can see that it is already in OrderCloud's shape. A client that went away
     * while the answer was written is logged at debug level: there is no one left to answer.
     */
    public static void write(Context ctx, RawResponse response) {
        ctx.status(response.status());
        response.headers().forEach(ctx::header);
        if (response.status() >= 400) {
            ctx.result(response.body());
            return;
        }
        try {
            ctx.outputStream().write(response.body());
        } catch (IOException e) {
            LOG.debug("{} {}: client went away while the answer was written: {}", ctx.method(), ctx.path(), e.toString());
        }
    }

    private static byte[] readBody(Context ctx, long maxBodyBytes) {
        try (InputStream in = ctx.req().getInputStream()) {
            BoundedBody.Read read = BoundedBody.read(in, ctx.req().getContentLengthLong(), maxBodyBytes);
            if (read.tooLarge()) {
                if (read.closeConnection()) {
                    ctx.header("Connection", "close");
                }
                throw new BodyTooLarge();
            }
            return read.bytes();
        } catch (IOException e) {
            throw new ClientAborted(e);
        }
    }
}
