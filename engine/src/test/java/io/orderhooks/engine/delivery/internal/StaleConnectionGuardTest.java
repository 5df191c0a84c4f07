package io.orderhooks.engine.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.engine.delivery.OutboundRequest;
import io.orderhooks.engine.delivery.Transports;
import io.orderhooks.engine.spi.DeliveryOutcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link OkHttpTransport} with {@link StaleConnectionGuard}: a keep-alive connection the receiver closed while it
 * sat in the pool (a killed or restarted instance, an idle time-out) is not written to; the request goes out on a
 * new connection, once, and reaches the receiver; a live pooled connection is reused.
 */
class StaleConnectionGuardTest {

    private ServerSocket server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final OkHttpClient client = Transports.defaultHttpClient();

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        server.close();
        client.connectionPool().evictAll();
    }

    @Test
    void aPooledConnectionTheReceiverClosedIsNotWrittenToAndTheRequestGoesOutOnceOnANewOne() throws Exception {
        CountDownLatch firstClosed = serve(1);
        OkHttpTransport transport = new OkHttpTransport(client, 1024);

        assertThat(transport.exchange(post("first"), Duration.ofSeconds(5))).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(firstClosed.await(5, TimeUnit.SECONDS)).isTrue(); // the receiver ended the kept-alive connection
        DeliveryOutcome second = transport.exchange(post("second"), Duration.ofSeconds(5));

        assertThat(second).isInstanceOfSatisfying(DeliveryOutcome.Delivered.class,
                d -> assertThat(new String(d.body(), StandardCharsets.UTF_8)).isEqualTo("{}"));
        assertThat(requests).containsExactly("first", "second");
        assertThat(connections).hasValue(2);
    }

    @Test
    void onSocketsWithoutAChannelAPooledConnectionTheReceiverClosedIsStillNotWrittenTo() throws Exception {
        CountDownLatch firstClosed = serve(1);
        OkHttpClient plain = client.newBuilder().socketFactory(new NoDelaySocketFactory(SocketFactory.getDefault())).build();
        OkHttpTransport transport = new OkHttpTransport(plain, 1024);

        assertThat(transport.exchange(post("first"), Duration.ofSeconds(5))).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(firstClosed.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(transport.exchange(post("second"), Duration.ofSeconds(5))).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(requests).containsExactly("first", "second");
        assertThat(connections).hasValue(2);
    }

    @Test
    void theSendersSocketsAreChannelsSoTheCheckNeedsNoWait() throws IOException {
        try (Socket socket = new NoDelaySocketFactory().createSocket()) {
            assertThat(socket.getChannel()).isNotNull();
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void aChannelIsSeenOpenWhileThePeerKeepsItAndClosedOnceThePeerClosesIt() throws Exception {
        try (SocketChannel channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                server.getLocalPort())); Socket peer = server.accept()) {
            assertThat(StaleConnectionGuard.peerClosed(channel)).isFalse();
            assertThat(channel.isBlocking()).isTrue(); // left as the socket's streams need it

            peer.close();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            boolean closed = StaleConnectionGuard.peerClosed(channel);
            while (!closed && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                closed = StaleConnectionGuard.peerClosed(channel);
            }
            assertThat(closed).isTrue();
            assertThat(channel.isBlocking()).isTrue();
        }
    }

    @Test
    void withoutTheGuardTheSameClientWritesToTheClosedConnectionAndFails() throws Exception {
        CountDownLatch firstClosed = serve(1);
        OkHttpTransport transport = new OkHttpTransport(client, 1024);
        assertThat(transport.exchange(post("first"), Duration.ofSeconds(5))).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(firstClosed.await(5, TimeUnit.SECONDS)).isTrue();

        okhttp3.Call unguarded = client.newCall(new okhttp3.Request.Builder().url(url())
                .post(okhttp3.RequestBody.create("second".getBytes(StandardCharsets.UTF_8), null)).build());

        assertThatThrownBy(unguarded::execute).isInstanceOf(IOException.class); // end of stream or reset: reached or not?
        assertThat(requests).containsExactly("first");
    }

    @Test
    void aLivePooledConnectionIsReused() throws Exception {
        serve(3);
        OkHttpTransport transport = new OkHttpTransport(client, 1024);

        for (String body : List.of("a", "b", "c")) {
            assertThat(transport.exchange(post(body), Duration.ofSeconds(5))).isInstanceOf(DeliveryOutcome.Delivered.class);
        }

        assertThat(requests).containsExactly("a", "b", "c");
        assertThat(connections).hasValue(1);
    }

    @Test
    void theGuardIsAddedOnceAndSharesTheClientsConnectionPool() {
        OkHttpClient guarded = client.newBuilder().addNetworkInterceptor(new StaleConnectionGuard()).build();

        new OkHttpTransport(guarded, 1024);
        new OkHttpTransport(client, 1024);

        assertThat(guarded.networkInterceptors()).hasSize(1);
        assertThat(client.networkInterceptors()).isEmpty();
    }

    private OutboundRequest post(String body) {
        return new OutboundRequest(url(), "/hook", body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/hook";
    }

    /**
     * Answers connections one after the other, each for up to {@code perConnection} requests (kept alive), then
     * closes it; the latch opens once the first connection is closed.
     */
    private CountDownLatch serve(int perConnection) {
        CountDownLatch firstClosed = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    connections.incrementAndGet();
                    answer(s, perConnection);
                } catch (IOException closed) {
                    return;
                }
                firstClosed.countDown();
            }
        }, "stale-connection-receiver");
        t.setDaemon(true);
        t.start();
        return firstClosed;
    }

    /** Reads and answers up to {@code n} requests on {@code s}, fewer when the client ends the connection. */
    private void answer(Socket s, int n) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = s.getOutputStream();
        int answered = 0;
        while (answered < n) {
            int length = -1;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            if (length < 0) {
                return;
            }
            char[] body = new char[length];
            for (int read = 0; read < length; ) {
                read += in.read(body, read, length - read);
            }
            requests.add(new String(body));
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            answered++;
        }
    }
}
