package io.orderhooks.javalin;

import io.javalin.http.Context;
import io.orderhooks.core.http.Answer;
import io.orderhooks.core.http.RawResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a handler's answer to an async-started Javalin request. On the request thread it goes through
 * {@link JavalinBridge#write} (Javalin's compression and error pages see it as usual); from any other thread (a
 * dispatcher's time-out answer while the request thread is still inside a handler) it is written straight to the
 * servlet response: status, headers, {@code Content-Length}, body, flushed, so the client has it at once. Wrap it
 * in a {@link io.orderhooks.core.http.OnceAnswer} so exactly one answer is written.
 */
final class ContextAnswer implements Answer {

    private static final Logger LOG = LoggerFactory.getLogger(ContextAnswer.class);

    private final Context ctx;
    private final Thread requestThread;

    ContextAnswer(Context ctx, Thread requestThread) {
        this.ctx = ctx;
        this.requestThread = requestThread;
    }

    @Override
    public void send(RawResponse response) {
        if (Thread.currentThread() == requestThread) {
            JavalinBridge.write(ctx, response);
            return;
        }
        try {
            writeDirect(ctx.res(), response);
        } catch (IOException | RuntimeException e) {
            LOG.debug("{} {}: the answer could not be written: {}", ctx.method(), ctx.path(), e.toString());
        }
    }

    /** Writes and flushes {@code response} to a servlet response from any thread. */
    static void writeDirect(HttpServletResponse res, RawResponse response) throws IOException {
        res.setStatus(response.status());
        response.headers().forEach(res::setHeader);
        byte[] body = response.body();
        res.setContentLength(body.length);
        OutputStream out = res.getOutputStream();
        if (body.length > 0) {
            out.write(body);
        }
        res.flushBuffer();
    }
}
