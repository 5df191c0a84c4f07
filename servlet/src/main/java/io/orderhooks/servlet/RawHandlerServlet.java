package io.orderhooks.servlet;

import io.orderhooks.core.http.BoundedBody;
import io.orderhooks.core.http.HttpHeaders;
import io.orderhooks.core.http.OnceAnswer;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.receiver.ReceiverErrors;
import io.orderhooks.core.receiver.RequestGuard;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts a transport-agnostic {@link RawHandler} (an integration-events or webhooks dispatcher) in any Jakarta
 * Servlet 6 container. Map it to a path pattern such as {@code /integration/*}: the handler sees the part below
 * the mapping ({@link HttpServletRequest#getPathInfo()}, {@code /} for the mapping itself) and decides 404 and
 * 405 itself, for every method. Bodies are read with our own limit, so an oversize body is answered 413 in
 * OrderCloud's error shape without being buffered; a handler that throws is answered 500 with a correlation id
 * only. Register it with async support ({@code ServletHolder.setAsyncSupported(true)}, {@code asyncSupported} in
 * {@code web.xml}) so dispatchers run handlers on the container's thread instead of handing each call to a worker
 * thread (docs/TIME-LIMITS.md). The servlet is stateless and thread-safe; the container decides concurrency.
 *
 * <p>Slow bodies are the container's to bound (a read timeout, or a buffering proxy in front): the servlet reads
 * what the container hands it, and a body the client abandons or the container cuts off is answered 400
 * {@code Request.Aborted} and logged in one line (docs/DEVTOOLS.md, "Slow bodies are the container's job").
 */
public final class RawHandlerServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(RawHandlerServlet.class);
    private static final long serialVersionUID = 1L;

    private final transient RawHandler handler;
    private final long maxBodyBytes;
    private final boolean async;

    /**
     * @param handler      the dispatcher; must be thread-safe and must not throw (a throw is answered 500)
     * @param maxBodyBytes the largest body read; use the dispatcher's own {@code maxBodyBytes()} so both agree
     * @throws IllegalArgumentException if {@code maxBodyBytes} is not positive
     */
    public RawHandlerServlet(RawHandler handler, long maxBodyBytes) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        this.handler = Objects.requireNonNull(handler, "handler");
        this.maxBodyBytes = maxBodyBytes;
        this.async = RawHandler.hasOwnAsyncEntry(handler);
    }

    /** A servlet with the receivers' default body limit, {@link RequestGuard#DEFAULT_MAX_BODY_BYTES}. */
    public RawHandlerServlet(RawHandler handler) {
        this(handler, RequestGuard.DEFAULT_MAX_BODY_BYTES);
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * Reads the request, then, when the handler has its own asynchronous entry (the dispatchers) and the container
     * allows async for this servlet ({@code asyncSupported}), starts async and runs the handler on this thread: a
     * dispatcher's time-out answer is then written from another thread at the limit, even while this thread is still
     * inside a handler that ignores interruption. Otherwise the handler's synchronous entry is used (a dispatcher
     * then hands the call to a worker thread and waits at most the limit).
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null || request.getPathInfo().isEmpty() ? "/" : request.getPathInfo();
        RawRequest raw;
        try {
            byte[] body = readBody(request, response);
            if (body == null) {
                write(response, ReceiverErrors.tooLarge(maxBodyBytes));
                return;
            }
            raw = new RawRequest(request.getMethod(), path, headers(request), body);
        } catch (IOException e) {
            // the client went away, or the container cut a slow body off: not a failure of the server
            LOG.info("{} {}: the request body was not received completely: {}", request.getMethod(),
                    request.getRequestURI(), e.toString());
            writeQuietly(request, response, ReceiverErrors.aborted());
            return;
        } catch (RuntimeException e) {
            write(response, ReceiverErrors.internal(LOG, request.getMethod() + " " + request.getRequestURI(), e));
            return;
        }
        if (!async || !request.isAsyncSupported()) {
            write(response, respond(request, raw));
            return;
        }
        AsyncContext context = request.startAsync();
        context.setTimeout(0);
        try {
            OnceAnswer answer = new OnceAnswer(r -> writeQuietly(request, response, r));
            ReceiverErrors.callAnswering(handler, raw, answer, LOG,
                    request.getMethod() + " " + request.getRequestURI());
        } finally {
            context.complete();
        }
    }

    private RawResponse respond(HttpServletRequest request, RawRequest raw) {
        try {
            return handler.handle(raw);
        } catch (RuntimeException e) {
            return ReceiverErrors.internal(LOG, request.getMethod() + " " + request.getRequestURI(), e);
        }
    }

    private static void writeQuietly(HttpServletRequest request, HttpServletResponse response, RawResponse raw) {
        try {
            write(response, raw);
        } catch (IOException | RuntimeException e) {
            LOG.debug("{} {}: the answer could not be written: {}", request.getMethod(), request.getRequestURI(),
                    e.toString());
        }
    }

    private static HttpHeaders headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
        }
        return HttpHeaders.ofMulti(headers);
    }

    /** The body, or {@code null} when it exceeds the limit (the rest drained, or the connection closed). */
    private byte[] readBody(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (InputStream in = request.getInputStream()) {
            BoundedBody.Read read = BoundedBody.read(in, request.getContentLengthLong(), maxBodyBytes);
            if (read.closeConnection()) {
                response.setHeader("Connection", "close");
            }
            return read.bytes();
        }
    }

    /** Writes and flushes {@code raw}; safe from another thread once async has started. */
    private static void write(HttpServletResponse response, RawResponse raw) throws IOException {
        response.setStatus(raw.status());
        raw.headers().forEach(response::setHeader);
        byte[] body = raw.body();
        response.setContentLength(body.length);
        if (body.length > 0) {
            OutputStream out = response.getOutputStream();
            out.write(body);
        }
        response.flushBuffer();
    }
}
