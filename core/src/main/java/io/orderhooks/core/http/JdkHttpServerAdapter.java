package io.orderhooks.core.http;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.orderhooks.core.receiver.ReceiverErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts a {@link RawHandler} in the JDK's built-in {@link HttpServer}, for merchants who want no web
 * framework. Like {@link JavalinMount}, the handler sees the path below the base path and decides 404 and
 * 405 itself; bodies are read with our own limit, so an oversize body is answered 413 in OrderCloud's shape
 * without being buffered. Thread-safe; the server's executor decides concurrency.
 */
public final class JdkHttpServerAdapter implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(JdkHttpServerAdapter.class);

    private final String base;
    private final long maxBodyBytes;
    private final RawHandler handler;

    private JdkHttpServerAdapter(String base, long maxBodyBytes, RawHandler handler) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        this.base = base;
        this.maxBodyBytes = maxBodyBytes;
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Routes every request under {@code basePath/} on {@code server} to {@code handler}.
     *
     * @param basePath e.g. {@code /integration} or {@code ""} for the root
     * @return the created context, e.g. to add filters
     */
    public static HttpContext mount(HttpServer server, String basePath, long maxBodyBytes, RawHandler handler) {
        String base = BasePath.normalize(basePath);
        return server.createContext(base + "/", new JdkHttpServerAdapter(base, maxBodyBytes, handler));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            write(exchange, respond(exchange));
        }
    }

    private RawResponse respond(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath().substring(base.length());
        try {
            String declared = exchange.getRequestHeaders().getFirst("Content-Length");
            if (declared != null && parseLength(declared) > maxBodyBytes) {
                return ReceiverErrors.tooLarge(maxBodyBytes);
            }
            byte[] body = readBody(exchange);
            if (body.length > maxBodyBytes) {
                return ReceiverErrors.tooLarge(maxBodyBytes);
            }
            HttpHeaders headers = HttpHeaders.ofMulti(exchange.getRequestHeaders());
            return handler.handle(new RawRequest(exchange.getRequestMethod(), path.isEmpty() ? "/" : path, headers, body));
        } catch (IOException | RuntimeException e) {
            return ReceiverErrors.internal(LOG, exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(), e);
        }
    }

    private byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        }
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void write(HttpExchange exchange, RawResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
