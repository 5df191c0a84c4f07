package io.orderhooks.engine.delivery.internal;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * An OkHttp network interceptor that keeps requests off keep-alive connections the other side has already closed.
 *
 * <p>OkHttp hands out a pooled HTTP/1.1 connection without looking whether the peer closed it unless it sat idle
 * for 10 s. A receiver (or the load balancer in front of it) that was killed or restarted, or that ended an idle
 * connection, leaves such connections behind; a request written on one fails with "unexpected end of stream", and
 * from that failure alone nobody can tell whether the receiver got the request. So before the first byte of a
 * request goes out on a connection, this guard looks at its socket (see below): end of stream, a reset or
 * unexpected bytes mean the connection is dead. It is then closed (so the pool
 * drops it) and the call fails with {@link StaleConnectionException}, and the request certainly did not reach
 * the receiver: sending it again, on another connection, is safe for every event. HTTP/2 (multiplexed) is not checked.
 *
 * <p>How it looks: on a socket of a {@link SocketChannel} (plain HTTP through {@link NoDelaySocketFactory}, the
 * senders' default), one non-blocking read, so every connection, new or reused, is checked without waiting. On
 * any other socket (TLS, a caller's own socket factory) the connection's first exchange is not checked and later
 * ones read for at most 1 ms (a live connection costs that wait, no CPU). Thread-safe.
 */
public final class StaleConnectionGuard implements Interceptor {

    /**
     * Connections on sockets without a channel seen before, weakly held: their first exchange is not checked.
     */
    private final Map<Connection, Boolean> used = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        if (connection != null && isHttp1(connection.protocol()) && isStale(connection)) {
            connection.socket().close();
            throw new StaleConnectionException(chain.request().url().host());
        }
        return chain.proceed(chain.request());
    }

    /** HTTP/1.x: one exchange at a time, so an idle connection's socket holds no bytes anybody waits for. */
    private static boolean isHttp1(Protocol protocol) {
        return protocol == Protocol.HTTP_1_1 || protocol == Protocol.HTTP_1_0;
    }

    private boolean isStale(Connection connection) {
        Socket socket = connection.socket();
        SocketChannel channel = socket.getChannel();
        if (channel != null) {
            return peerClosed(channel);
        }
        return used.put(connection, Boolean.TRUE) != null && peerClosed(socket);
    }

    /**
     * Whether the peer closed {@code channel}'s connection (or it is broken), without waiting: one read in
     * non-blocking mode, which finds end of stream, a reset or bytes nobody asked for at once.
     */
    static boolean peerClosed(SocketChannel channel) {
        synchronized (channel.blockingLock()) {
            try {
                channel.configureBlocking(false);
                try {
                    return channel.read(ByteBuffer.allocate(1)) != 0;
                } finally {
                    channel.configureBlocking(true);
                }
            } catch (IOException broken) {
                return true;
            }
        }
    }

    /** Whether the peer closed {@code socket} (or it is broken), looking for at most 1 ms. */
    static boolean peerClosed(Socket socket) {
        try {
            int timeout = socket.getSoTimeout();
            socket.setSoTimeout(1);
            try {
                socket.getInputStream().read(); // returns only at end of stream (-1) or with bytes nobody asked for
                return true;
            } finally {
                socket.setSoTimeout(timeout);
            }
        } catch (SocketTimeoutException open) {
            return false;
        } catch (IOException broken) {
            return true;
        }
    }

    /** A pooled connection was found closed by its peer before the request was written: nothing was sent. */
    public static final class StaleConnectionException extends IOException {
        StaleConnectionException(String host) {
            super("a pooled connection to " + host + " was closed by the other side before the request was written");
        }
    }
}
