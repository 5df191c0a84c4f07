package io.orderhooks.javalin;

import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.internal.Sweeper;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request whose body is being loaded, watched against its {@link BodyPace}: counts this request's body bytes
 * as they are read, and is checked by the JVM's body-watch {@link Sweeper} (first at the grace period or the deadline, then
 * only when the bytes so far stop being enough). A body found too slow or late is refused: the request's content is failed
 * (a waiting loader is woken, its reads end with the failure), and {@link BodyDeadlineHandler.Reached} answers 408
 * instead of calling the handler.
 * Exactly one of "reached" and "refused" wins.
 */
final class BodyWatch extends Request.Wrapper implements Sweeper.Watched {

    private static final int LOADING = 0;
    private static final int REACHED = 1;
    private static final int REFUSED = 2;

    private final BodyPace pace;
    private final Sweeper sweeper;
    private final long start;
    private final AtomicInteger state = new AtomicInteger(LOADING);
    private volatile long received;
    private volatile BodyPace.Refusal refusal;
    /** When the sweeper checks next ({@link System#nanoTime()}); written by the sweeper only, after arming. */
    private volatile long dueAt;

    BodyWatch(Request request, BodyPace pace, Sweeper sweeper) {
        super(request);
        this.pace = pace;
        this.sweeper = sweeper;
        this.start = request.getHeadersNanoTime();
    }

    /** Starts watching; the first check runs at the grace period (or the deadline) after the headers. */
    void arm() {
        long first = pace.firstCheck();
        dueAt = start + first;
        sweeper.arm(this, first);
    }

    /** Stops watching (the request completed); safe to call more than once. */
    void disarm() {
        sweeper.disarm(this);
    }

    /** The whole body (or the buffered part) has arrived: true if the handler may run, false if it was refused. */
    boolean reached() {
        boolean reached = state.compareAndSet(LOADING, REACHED) || state.get() == REACHED;
        if (reached) {
            disarm();
        }
        return reached;
    }

    /** Answers 408 in OrderCloud's shape for a refused body and closes the connection (the rest is never read). */
    void answerRefusal(Response response, Callback callback) {
        response.setStatus(408);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, RawResponse.JSON);
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.write(true, ByteBuffer.wrap(refusal.body()), callback);
    }

    @Override
    public Content.Chunk read() {
        if (state.get() == REFUSED) {
            return Content.Chunk.from(new TimeoutException(refusal.message()), true);
        }
        Content.Chunk chunk = super.read();
        if (chunk != null) {
            // one reader at a time (Jetty serializes read and demand); the sweeper only reads the count
            received = received + chunk.remaining();
        }
        return chunk;
    }

    @Override
    public long dueAt() {
        return dueAt;
    }

    /** The sweeper's check: true (and the next time due) while the body is loading and keeping pace. */
    @Override
    public boolean check(long now) {
        if (state.get() != LOADING) {
            return false;
        }
        long elapsed = now - start;
        long bytes = received;
        BodyPace.Refusal verdict = pace.check(elapsed, bytes);
        if (verdict == null) {
            dueAt = start + pace.nextCheck(elapsed, bytes);
            return true;
        }
        refusal = verdict;
        if (state.compareAndSet(LOADING, REFUSED)) {
            // fails the request's content: a pending demand of the loader runs now, and its next read ends with
            // the failure; the response stays writable, and Jetty closes the connection after it (body unread)
            fail(new TimeoutException(verdict.message()));
        }
        return false;
    }
}
