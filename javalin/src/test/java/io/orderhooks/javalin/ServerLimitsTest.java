package io.orderhooks.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerLimitsTest {

    static final ServerLimits SHORT = new ServerLimits(Duration.ofSeconds(5), Duration.ofSeconds(1), 0, 8192, 4097);

    final AtomicInteger handled = new AtomicInteger();
    Javalin app;

    @BeforeEach
    void start() {
        app = CountingServer.start(SHORT, 4096, handled);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    RawHttp.Answer get(String target, String extraHeader) throws Exception {
        return RawHttp.exchange(app.port(), "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeader
                + "Connection: close\r\n\r\n");
    }

    static void assertOrderCloudError(RawHttp.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.head() + "\n" + answer.body()).isEqualTo(status);
        assertThat(answer.head().toLowerCase()).contains("content-type: application/json");
        assertThat(answer.body()).startsWith("{\"Errors\":[{\"ErrorCode\":\"" + code + "\"").doesNotContain("<html");
    }

    @Test
    void aTooLongUriIs414InOrderCloudShape() throws Exception {
        assertOrderCloudError(get("/hooks/" + "a".repeat(20_000), ""), 414, "Request.UriTooLong");
    }

    @Test
    void tooLargeHeadersAre431InOrderCloudShape() throws Exception {
        assertOrderCloudError(get("/hooks/x", "X-Big: " + "b".repeat(20_000) + "\r\n"), 431, "Request.HeadersTooLarge");
    }

    @Test
    void aBadPathIs400InOrderCloudShape() throws Exception {
        assertOrderCloudError(get("/hooks/%2e%2e/%2e%2e/etc/passwd", ""), 400, "InvalidRequest");
        assertOrderCloudError(get("/hooks/a%00b", ""), 400, "InvalidRequest");
    }

    @Test
    void anUnknownRouteAndAnUnmountedMethodAreInOrderCloudShape() throws Exception {
        assertOrderCloudError(get("/elsewhere", ""), 404, "NotFound");
        assertOrderCloudError(RawHttp.exchange(app.port(), "TRACE /hooks/x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                404, "NotFound");
    }

    @Test
    void aBodyDrippedPastTheDeadlineIsAnswered408InOrderCloudShapeAndNeverReachesTheHandler() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            RawHttp.write(out, "POST /hooks/x HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{");
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            Thread dripper = new Thread(() -> {
                try {
                    for (int i = 0; i < 98; i++) {
                        Thread.sleep(200);
                        RawHttp.write(out, " ");
                    }
                } catch (Exception closed) {
                    // the server closed the connection: the point of the test
                }
            });
            dripper.start();
            RawHttp.Answer answer = RawHttp.read(in);
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            dripper.interrupt();
            assertOrderCloudError(answer, 408, "Request.Timeout");
            assertThat(answer.body()).contains("\"Message\":\"The request body was not received within 1 s\"");
            assertThat(answer.head().toLowerCase()).contains("connection: close");
            assertThat(seconds).as("answered at the 1 s deadline, not after the 20 s drip").isLessThan(8);
        }
        assertThat(handled).hasValue(0);
        RawHttp.Answer fine = RawHttp.exchange(app.port(), "POST /hooks/x HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(fine.status()).isEqualTo(200);
        assertThat(fine.body()).isEqualTo("{\"bytes\":2}");
    }
}
