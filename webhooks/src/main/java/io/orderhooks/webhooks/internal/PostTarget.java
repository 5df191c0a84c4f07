package io.orderhooks.webhooks.internal;

import io.orderhooks.webhooks.WebhookEvent;

/**
 * The hook a queued delivery runs and the event it runs with, found again from the payload bytes (so any
 * instance sharing the queue can run it).
 */
public record PostTarget(Registration hook, WebhookEvent event) {

    /** Finds the target of a payload; throws (with a message for the dead letter) when there is none. */
    @FunctionalInterface
    public interface Resolver {
        PostTarget resolve(byte[] payload);
    }
}
