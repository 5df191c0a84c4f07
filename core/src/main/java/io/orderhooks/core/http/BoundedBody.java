package io.orderhooks.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a request body with a limit, the way every adapter must so an oversize body is answered 413 in
 * OrderCloud's shape instead of being buffered: a declared length over the limit is refused before reading, and
 * at most {@code limit + 1} bytes are ever buffered. The rest of an oversize body is read and discarded up to
 * {@link #DRAIN_LIMIT_BYTES}, because answering while the client is still sending makes the server reset the
 * connection and the client then sees the reset instead of the 413; past that the adapter should close the
 * connection. Stateless.
 */
public final class BoundedBody {

    /** How much of an oversize body is read and discarded before answering 413. */
    public static final long DRAIN_LIMIT_BYTES = 16L * 1024 * 1024;

    /**
     * What was read.
     *
     * @param bytes the whole body, or null when it exceeds the limit
     * @param closeConnection true when the adapter should answer with {@code Connection: close} (the rest of an
     *     oversize body was not drained)
     */
    public record Read(byte[] bytes, boolean closeConnection) {

        public boolean tooLarge() {
            return bytes == null;
        }
    }

    private BoundedBody() {}

    /**
     * Reads {@code in} (not closed here).
     *
     * @param declaredLength the request's {@code Content-Length}, or -1 when unknown
     */
    public static Read read(InputStream in, long declaredLength, long maxBodyBytes) throws IOException {
        if (declaredLength > maxBodyBytes) {
            return new Read(null, drain(in, declaredLength));
        }
        if (declaredLength >= 0) {
            return readDeclared(in, (int) declaredLength);
        }
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (bytes.length > maxBodyBytes) {
            return new Read(null, drain(in, declaredLength));
        }
        return new Read(bytes, false);
    }

    /**
     * A body whose declared length is within the limit, read into one array of exactly that size (no chunk list
     * and copy). A stream that ends early yields the bytes that came, as the transport delivered them; the
     * transport enforces its own {@code Content-Length}, so nothing is read past it. The loop is ours, not
     * {@code readNBytes}, which some streams override with a single read.
     */
    private static Read readDeclared(InputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        int read = 0;
        int n;
        while (read < length && (n = in.read(bytes, read, length - read)) >= 0) {
            read += n;
        }
        return new Read(read == length ? bytes : Arrays.copyOf(bytes, read), false);
    }

    /** Discards the rest within {@link #DRAIN_LIMIT_BYTES}; true when more remained (the connection should close). */
    private static boolean drain(InputStream in, long declaredLength) throws IOException {
        if (declaredLength > DRAIN_LIMIT_BYTES) {
            return true;
        }
        long skipped = 0;
        byte[] buffer = new byte[8192];
        int n;
        while (skipped <= DRAIN_LIMIT_BYTES && (n = in.read(buffer)) >= 0) {
            skipped += n;
        }
        return skipped > DRAIN_LIMIT_BYTES;
    }
}
