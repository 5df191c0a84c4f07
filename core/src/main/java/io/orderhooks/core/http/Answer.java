package io.orderhooks.core.http;

/**
 * Where an asynchronous {@link RawHandler#handle(RawRequest, Answer)} call puts its response. A handler sends
 * exactly one answer, from the calling thread or from another one (a time-out answer is sent by the handler's
 * timer while the calling thread may still be busy). Transport adapters write the first answer at once and
 * ignore any later one; they must tolerate {@link #send} from any thread.
 */
@FunctionalInterface
public interface Answer {

    void send(RawResponse response);
}
