package io.orderhooks.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    static final byte[] BODY = "{\"Order\":{\"ID\":\"o1\"}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aBodyOfItsDeclaredLengthIsReadWhole() throws IOException {
        BoundedBody.Read read = BoundedBody.read(new ByteArrayInputStream(BODY), BODY.length, 1024);

        assertThat(read.tooLarge()).isFalse();
        assertThat(read.bytes()).isEqualTo(BODY);
        assertThat(read.closeConnection()).isFalse();
    }

    @Test
    void aDeclaredBodyArrivingInSmallPiecesIsReadWhole() throws IOException {
        BoundedBody.Read read = BoundedBody.read(trickle(BODY), BODY.length, 1024);

        assertThat(read.bytes()).isEqualTo(BODY);
    }

    @Test
    void aStreamEndingBeforeTheDeclaredLengthYieldsTheBytesThatCame() throws IOException {
        BoundedBody.Read read = BoundedBody.read(new ByteArrayInputStream(BODY, 0, 5), BODY.length, 1024);

        assertThat(read.bytes()).containsExactly("{\"Ord".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBodyOfUnknownLengthIsReadUpToTheLimit() throws IOException {
        assertThat(BoundedBody.read(new ByteArrayInputStream(BODY), -1, BODY.length).bytes()).isEqualTo(BODY);
        assertThat(BoundedBody.read(new ByteArrayInputStream(BODY), -1, BODY.length - 1).tooLarge()).isTrue();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() throws IOException {
        BoundedBody.Read read = BoundedBody.read(new ByteArrayInputStream(BODY), BODY.length, BODY.length - 1);

        assertThat(read.tooLarge()).isTrue();
        assertThat(read.closeConnection()).isFalse();
    }

    /** A stream handing out at most 3 bytes per read, as a slow network does. */
    private static InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 3));
            }
        };
    }
}
