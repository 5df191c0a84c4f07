package io.orderhooks.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * {@link ObjectMapper#writeValueAsBytes} with the same bytes and exceptions, written into a buffer this thread keeps
 * between calls, so a document costs one array of its exact size. Jackson's own {@code writeValueAsBytes} collects
 * the output in a chain of growing blocks and then copies them into the result: for the engine's ~28 KB checkout
 * worksheets about 1.7 times the document in allocation (docs/PERFORMANCE.md, session 9). A thread keeps at most
 * {@link #MAX_KEPT_BYTES}; a larger document still works and its buffer is dropped afterwards. A call made while the
 * thread's buffer is in use (a serializer that serializes) falls back to Jackson's method. Not part of the API.
 */
public final class JsonBytes {

    /** The largest buffer a thread keeps between calls. */
    static final int MAX_KEPT_BYTES = 64 * 1024;

    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

    private JsonBytes() {}

    /** {@code value} serialized by {@code mapper}: what {@code mapper.writeValueAsBytes(value)} answers. */
    public static byte[] write(ObjectMapper mapper, Object value) throws JsonProcessingException {
        Buffer buffer = BUFFERS.get();
        if (buffer.inUse) {
            return mapper.writeValueAsBytes(value);
        }
        buffer.inUse = true;
        try {
            buffer.reset();
            mapper.writeValue(buffer, value);
            return buffer.copy();
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) { // not from the buffer, which never fails: as writeValueAsBytes reports it
            throw JsonMappingException.fromUnexpectedIOE(e);
        } finally {
            buffer.inUse = false;
            buffer.shrink();
        }
    }

    /** The buffer the thread keeps; only its own thread touches it. */
    private static final class Buffer extends ByteArrayOutputStream {

        boolean inUse;

        Buffer() {
            super(8 * 1024);
        }

        byte[] copy() {
            return Arrays.copyOf(buf, count);
        }

        void shrink() {
            if (buf.length > MAX_KEPT_BYTES) {
                buf = new byte[8 * 1024];
            }
            count = 0;
        }
    }
}
