package io.orderhooks.engine.delivery.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import javax.net.SocketFactory;

/**
 * Plain sockets with {@code TCP_NODELAY} set, for the senders' OkHttp client (OkHttp leaves Nagle's algorithm on).
 *
 * <p>With Nagle on, a request larger than one segment (a checkout worksheet is tens of KB) ends in a partial segment
 * that the kernel holds back until the receiver acknowledges the data before it, and the receiver delays that
 * acknowledgement (about 40 ms on Linux): every such call on a keep-alive connection waited ~40 ms for nothing.
 * OkHttp writes whole buffers, so turning Nagle off sends no more segments than needed.
 *
 * <p>Made with no delegate, the sockets are those of {@link SocketChannel}s (blocking, used through their socket
 * streams like any other socket): {@link StaleConnectionGuard} can then look whether a pooled connection's peer
 * closed it without waiting ({@link Socket#getChannel()}). One difference from plain sockets: interrupting a thread
 * blocked in a read or write on such a socket closes it (only shutting a sender down interrupts its workers).
 * Thread-safe.
 */
public final class NoDelaySocketFactory extends SocketFactory {

    /** {@code null}: sockets of {@link SocketChannel}s. */
    private final SocketFactory delegate;

    /** Sockets of {@link SocketChannel}s, with {@code TCP_NODELAY}. */
    public NoDelaySocketFactory() {
        this.delegate = null;
    }

    /** Sockets of {@code delegate}, with {@code TCP_NODELAY}. */
    public NoDelaySocketFactory(SocketFactory delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(delegate == null ? SocketChannel.open().socket() : delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate == null ? connected(new InetSocketAddress(host, port), null)
                : noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate == null ? connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort))
                : noDelay(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate == null ? connected(new InetSocketAddress(host, port), null)
                : noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return delegate == null ? connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort))
                : noDelay(delegate.createSocket(address, port, localAddress, localPort));
    }

    /** A channel's socket connected to {@code remote}, first bound to {@code local} when given. */
    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        try {
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
