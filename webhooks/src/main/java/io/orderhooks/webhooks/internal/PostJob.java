package io.orderhooks.webhooks.internal;

import io.orderhooks.webhooks.DeadLetter;
import io.orderhooks.webhooks.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** One queued post-webhook delivery and its attempt count. Guarded by the queue that holds it. */
final class PostJob {

    private final String id;
    private final Registration hook;
    private final WebhookEvent event;
    private final byte[] payload;
    private volatile int attempts;
    private volatile Instant dueAt = Instant.MIN;
    private volatile DeadLetter lastLetter;

    PostJob(String id, Registration hook, WebhookEvent event, byte[] payload) {
        this.id = id;
        this.hook = hook;
        this.event = event;
        this.payload = payload;
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
