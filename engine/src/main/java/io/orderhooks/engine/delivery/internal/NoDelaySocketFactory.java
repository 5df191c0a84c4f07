package io.orderhooks.engine.delivery.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with {@code TCP_NODELAY} set, for the senders' OkHttp client (OkHttp leaves Nagle's algorithm on).
 *
 * <p>With Nagle on, a request larger than one segment (a checkout worksheet is tens of KB) ends in a partial segment
 * that the kernel holds back until the receiver acknowledges the data before it, and the receiver delays that
 * acknowledgement (about 40 ms on Linux): every such call on a keep-alive connection waited ~40 ms for nothing.
 * OkHttp writes whole buffers, so turning Nagle off sends no more segments than needed. Thread-safe.
 */
public final class NoDelaySocketFactory extends SocketFactory {

    private final SocketFactory delegate;

    /** Sockets of the JVM's default factory, with {@code TCP_NODELAY}. */
    public NoDelaySocketFactory() {
        this(SocketFactory.getDefault());
    }

    /** Sockets of {@code delegate}, with {@code TCP_NODELAY}. */
    public NoDelaySocketFactory(SocketFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(delegate.createSocket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
