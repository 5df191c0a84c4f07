package io.orderhooks.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A naive round-robin TCP load balancer on loopback, for tests: each new connection goes to the next backend port.
 * When that backend refuses the connection (its process is dead) the client gets {@code 502 Bad Gateway}, as from a
 * balancer that has not noticed yet; a connection whose backend dies mid-exchange is cut. No health checks.
 */
final class LoopbackBalancer implements AutoCloseable {

    private static final byte[] BAD_GATEWAY = ("HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain\r\n"
            + "Content-Length: 19\r\nConnection: close\r\n\r\nbackend unreachable").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final List<Integer> backends;
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-balancer");
        t.setDaemon(true);
        return t;
    });

    private LoopbackBalancer(ServerSocket server, List<Integer> backends) {
        this.server = server;
        this.backends = List.copyOf(backends);
    }

    static LoopbackBalancer start(List<Integer> backendPorts) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        LoopbackBalancer lb = new LoopbackBalancer(server, backendPorts);
        lb.pumps.execute(lb::acceptLoop);
        return lb;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Connections answered 502 because their backend was down. */
    int refused() {
        return refused.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                int port = backends.get(Math.floorMod(turn.getAndIncrement(), backends.size()));
                pumps.execute(() -> relay(client, port));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client, int port) {
        Socket backend;
        try {
            backend = new Socket(InetAddress.getLoopbackAddress(), port);
        } catch (IOException down) {
            refused.incrementAndGet();
            try (client) {
                client.getOutputStream().write(BAD_GATEWAY);
            } catch (IOException ignored) {
                // the client left
            }
            return;
        }
        pumps.execute(() -> pump(backend, client));
        pump(client, backend);
    }

    /** Copies {@code from} to {@code to} until either ends, then closes both. */
    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[16 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // one side closed or died
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        pumps.shutdownNow();
    }
}
