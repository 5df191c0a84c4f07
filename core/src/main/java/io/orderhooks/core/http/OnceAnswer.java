package io.orderhooks.core.http;

import java.util.Objects;

/**
 * An {@link Answer} that passes the first response on to its target and drops every later one. The target's
 * {@code send} runs while this answer's lock is held, so {@link #sent()} (which takes the lock) returns only once a
 * send in progress on another thread has finished: an adapter calls it after the handler returned, before it lets
 * the container finish the response. Thread-safe.
 */
public final class OnceAnswer implements Answer {

    private final Answer target;
    private boolean sent;

    public OnceAnswer(Answer target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public synchronized void send(RawResponse response) {
        if (sent) {
            return;
        }
        sent = true;
        target.send(response);
    }

    /** Whether an answer was sent; waits for a send in progress to finish. */
    public synchronized boolean sent() {
        return sent;
    }
}
