package io.orderhooks.engine.internal.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 400 unauthenticated connections send request headers and then drip their bodies one byte a second at the
 * token endpoint and a write route for 30 s on loopback; an authenticated probe meanwhile keeps its p99 under
 * 1 s, because bodies are loaded without holding worker threads and refused (408) once they fall below the minimum
 * body rate after its grace period.
 */
@Tag("slow")
class SlowClientFloodTest {

    static final int CONNECTIONS = 400;
    static final Duration FLOOD = Duration.ofSeconds(30);

    @Test
    void aSlowBodyFloodDoesNotStallAuthenticatedRequests() throws Exception {
        try (ApiTestServer api = ApiTestServer.start()) {
            String admin = api.adminToken();
            int port = Integer.parseInt(api.baseUrl().substring(api.baseUrl().lastIndexOf(':') + 1));
            AtomicBoolean flooding = new AtomicBoolean(true);
            AtomicInteger opened = new AtomicInteger();
            List<Thread> drippers = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                String target = i % 2 == 0 ? "/oauth/token" : "/v1/products";
                Thread t = new Thread(() -> drip(port, target, flooding, opened), "drip-" + i);
                t.setDaemon(true);
                t.start();
                drippers.add(t);
            }
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            long end = System.nanoTime() + FLOOD.toNanos();
            int failures = 0;
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                int status = api.get("/v1/me", admin).status();
                latencies.add((System.nanoTime() - start) / 1_000_000);
                if (status != 200) {
                    failures++;
                }
                Thread.sleep(50);
            }
            flooding.set(false);
            drippers.forEach(Thread::interrupt);
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            long p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
            System.out.printf("slow flood: %d connections opened, %d probes, p50 %d ms, p99 %d ms, max %d ms%n",
                    opened.get(), sorted.size(), sorted.get(sorted.size() / 2), p99, sorted.get(sorted.size() - 1));
            assertThat(opened.get()).isGreaterThanOrEqualTo(CONNECTIONS);
            assertThat(failures).isZero();
            assertThat(p99).as("probe p99 in ms").isLessThan(1000);
        }
    }

    /** Opens a connection, sends headers promising 1000 bytes, drips one a second; reconnects when cut off. */
    static void drip(int port, String target, AtomicBoolean flooding, AtomicInteger opened) {
        while (flooding.get()) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                opened.incrementAndGet();
                OutputStream out = socket.getOutputStream();
                String type = target.startsWith("/oauth") ? "application/x-www-form-urlencoded" : "application/json";
                out.write(("POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type
                        + "\r\nContent-Length: 1000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                while (flooding.get()) {
                    Thread.sleep(1000);
                    out.write('a');
                    out.flush();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception cutOff) {
                // the server closed the connection (deadline): open another one
            }
        }
    }
}
