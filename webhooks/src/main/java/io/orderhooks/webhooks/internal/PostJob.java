package io.orderhooks.webhooks.internal;

import io.orderhooks.webhooks.DeadLetter;
import io.orderhooks.webhooks.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.slf4j.MDC;

/** One queued post-webhook delivery and its attempt count. Guarded by the queue that holds it. */
final class PostJob {

    private final String id;
    private final Registration hook;
    private final WebhookEvent event;
    private final byte[] payload;
    private volatile int attempts;
    private volatile Instant dueAt = Instant.MIN;
    private volatile DeadLetter lastLetter;
    private final Map<String, String> mdc;

    PostJob(String id, Registration hook, WebhookEvent event, byte[] payload) {
        this.id = id;
        this.hook = hook;
        this.event = event;
        this.payload = payload;
        Map<String, String> callers = MDC.getCopyOfContextMap();
        this.mdc = callers == null ? Map.of() : Map.copyOf(callers);
    }

    /** The MDC of the request that queued it (trace, LogID), restored while its handler runs. */
    Map<String, String> mdc() {
        return mdc;
    }

    String id() {
        return id;
    }

    Registration hook() {
        return hook;
    }

    WebhookEvent event() {
        return event;
    }

    byte[] payload() {
        return payload;
    }

    int attempts() {
        return attempts;
    }

    void attempted() {
        attempts++;
    }

    void reset() {
        attempts = 0;
        dueAt = Instant.MIN;
    }

    Instant dueAt() {
        return dueAt;
    }

    void dueAt(Instant at) {
        dueAt = at;
    }

    DeadLetter lastLetter() {
        return lastLetter;
    }

    void lastLetter(DeadLetter letter) {
        lastLetter = letter;
    }

    DeadLetter toDeadLetter(String error, Instant at) {
        return new DeadLetter(id, event.logId(), event.verb(), event.route(), attempts, error, at,
                new String(payload, StandardCharsets.UTF_8));
    }
}
