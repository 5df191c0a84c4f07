package io.orderhooks.javalin;

import io.orderhooks.core.http.HttpHeaders;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves requests and responses between Javalin and the transport-agnostic {@link RawRequest} /
 * {@link RawResponse}. The body is read from the servlet stream with our own limit, so an oversize body is
 * answered in OrderCloud's shape instead of Javalin's.
 */
public final class JavalinBridge {

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
            headers.put(name, new ArrayList<>(Collections.list(ctx.req().getHeaders(name))));
        }
        return new RawRequest(ctx.req().getMethod(), path, HttpHeaders.ofMulti(headers), readBody(ctx, maxBodyBytes));
    }

    /** Writes {@code response} to {@code ctx}. */
    public static void write(Context ctx, RawResponse response) {
        ctx.status(response.status());
        response.headers().forEach(ctx::header);
        ctx.result(response.body());
    }

    /**
     * How much of an oversize body is read and discarded before answering 413. Answering while the client is
     * still sending makes the server close the connection mid-upload, and the client then sees a reset instead
     * of the 413; past this many bytes the connection is closed anyway.
     */
    static final long DRAIN_LIMIT_BYTES = 16L * 1024 * 1024;

    private static byte[] readBody(Context ctx, long maxBodyBytes) {
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > maxBodyBytes) {
                throw tooLarge(ctx, in, declared);
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (bytes.length > maxBodyBytes) {
                throw tooLarge(ctx, in, declared);
            }
            return bytes;
        } catch (IOException e) {
            throw new ClientAborted(e);
        }
    }

    /** Discards the rest of an oversize body (within {@link #DRAIN_LIMIT_BYTES}) so the 413 reaches the client. */
    private static BodyTooLarge tooLarge(Context ctx, InputStream in, long declared) throws IOException {
        if (declared > DRAIN_LIMIT_BYTES) {
            ctx.header("Connection", "close");
            return new BodyTooLarge();
        }
        long skipped = 0;
        byte[] buffer = new byte[8192];
        int n;
        while (skipped <= DRAIN_LIMIT_BYTES && (n = in.read(buffer)) >= 0) {
            skipped += n;
        }
        if (skipped > DRAIN_LIMIT_BYTES) {
            ctx.header("Connection", "close");
        }
        return new BodyTooLarge();
    }
}
