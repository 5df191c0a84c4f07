package io.orderhooks.core.http;

import java.time.Duration;

/**
 * A transport-agnostic receiver: raw request in, raw response out. Dispatchers implement it; adapters for
 * Javalin, servlets, the JDK's {@code HttpServer} or serverless hosts call it. Implementations must be
 * thread-safe and must not throw: every failure becomes a response.
 */
@FunctionalInterface
public interface RawHandler {

    /**
     * Handles {@code request} on the calling thread and returns its response. A dispatcher with time limits runs
     * its handlers on its own worker threads here, so it can return a time-out answer at the limit however the
     * handler behaves.
     */
    RawResponse handle(RawRequest request);

    /**
     * Handles {@code request} and sends its response to {@code answer}, exactly once, possibly from another thread
     * and possibly before this method returns: a dispatcher runs its handler on the calling thread and, when the
     * handler overruns its time limit, sends the time-out answer from its timer at the limit while the calling
     * thread is still inside the handler. Adapters that can write a response from another thread (Javalin, servlet
     * containers with async support) call this; it spares the hand-off of every call to a worker thread. Returns
     * when the calling thread is done with the request. The default sends {@link #handle(RawRequest)}.
     */
    default void handle(RawRequest request, Answer answer) {
        answer.send(handle(request));
    }

    /**
     * Whether {@code handler} implements {@link #handle(RawRequest, Answer)} itself (the dispatchers do) rather than
     * inheriting the default. Adapters check it once, at mount time, and call other handlers synchronously.
     */
    static boolean hasOwnAsyncEntry(RawHandler handler) {
        try {
            return handler.getClass().getMethod("handle", RawRequest.class, Answer.class).getDeclaringClass()
                    != RawHandler.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * Whether a call to {@code path} is sure to be answered within {@code limit} of handler time because this
     * handler bounds its own work (a dispatcher with per-route time limits answering 504). In-process senders
     * then call it on their own thread instead of bounding it again. The default, {@code false}, is always safe.
     */
    default boolean answersWithin(String path, Duration limit) {
        return false;
    }
}
