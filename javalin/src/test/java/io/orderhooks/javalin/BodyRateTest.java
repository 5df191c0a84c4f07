package io.orderhooks.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The minimum body rate of {@link ServerLimits}: per request, after the grace period, answered 408. */
class BodyRateTest {

    /** 1,000 bytes/s after a 300 ms grace (a tiny real wait), 10 s deadline. */
    static final ServerLimits STRICT = new ServerLimits(Duration.ofSeconds(5), Duration.ofSeconds(10), 1_000, 8192,
            4L * 1024 * 1024 + 1, Duration.ofMillis(300));

    final AtomicInteger handled = new AtomicInteger();
    Javalin app;

    void start(ServerLimits limits) {
        app = CountingServer.start(limits, 4L * 1024 * 1024, handled);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void aBodyDrippedBelowTheRateIsAnswered408InOrderCloudShapeAfterTheGraceAndTheHandlerIsNeverCalled()
            throws Exception {
        start(STRICT);
        RawHttp.Answer answer;
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            RawHttp.write(out, "POST /hooks/x HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{");
            Thread dripper = drip(out, 50);
            InputStream in = socket.getInputStream();
            answer = RawHttp.read(in);
            dripper.interrupt();
            assertThat(answer.status()).as(answer.head()).isEqualTo(408);
            assertThat(answer.head().toLowerCase()).contains("content-type: application/json")
                    .contains("connection: close");
            assertThat(answer.body()).startsWith("{\"Errors\":[{\"ErrorCode\":\"Request.BodyTooSlow\",\"Message\":"
                    + "\"The request body arrived slower than 1000 bytes/s (");
            assertThat(in.read()).as("the connection is closed after the answer").isEqualTo(-1);
        }
        assertThat(handled).hasValue(0);
        RawHttp.Answer fine = RawHttp.exchange(app.port(), "POST /hooks/x HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(fine.body()).isEqualTo("{\"bytes\":2}");
    }

    @Test
    void aBodyThatPausesPastTheGraceButStaysAboveTheAverageRateIsHandled() throws Exception {
        start(STRICT);
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            RawHttp.write(out, "POST /hooks/x HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 5002\r\nConnection: close\r\n\r\n{" + " ".repeat(5_000));
            // 5,000 bytes at once are enough for 5 s at 1,000 bytes/s: the check at the 300 ms grace lets it wait
            Thread.sleep(400);
            RawHttp.write(out, "}");
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            assertThat(answer.status()).as(answer.head() + answer.body()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"bytes\":5002}");
        }
    }

    @Test
    void thirtyTwoLargeBodiesOverSixteenConnectionsAtFullSpeedAreAllHandled() throws Exception {
        start(ServerLimits.DEFAULTS);
        byte[] body = ("{\"Lines\":[" + "\"0123456789abcdef0123456789abcdef\",".repeat(6_500) + "\"x\"]}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isGreaterThan(220_000);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<List<RawHttp.Answer>>> connections = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                connections.add(pool.submit(() -> twoRequestsOnOneConnection(body)));
            }
            for (Future<List<RawHttp.Answer>> connection : connections) {
                for (RawHttp.Answer answer : connection.get(60, TimeUnit.SECONDS)) {
                    assertThat(answer.status()).as(answer.head() + answer.body()).isEqualTo(200);
                    assertThat(answer.body()).isEqualTo("{\"bytes\":" + body.length + "}");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(handled).hasValue(32);
    }

    private List<RawHttp.Answer> twoRequestsOnOneConnection(byte[] body) throws Exception {
        List<RawHttp.Answer> answers = new ArrayList<>();
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 2; i++) {
                out.write(("POST /hooks/calc HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                answers.add(RawHttp.read(in));
            }
        }
        return answers;
    }

    /** Writes one space every {@code millis} ms until interrupted or cut off. */
    static Thread drip(OutputStream out, long millis) {
        Thread dripper = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(millis);
                    RawHttp.write(out, " ");
                }
            } catch (Exception stopped) {
                // interrupted by the test, or the server closed the connection
            }
        }, "drip");
        dripper.setDaemon(true);
        dripper.start();
        return dripper;
    }
}
