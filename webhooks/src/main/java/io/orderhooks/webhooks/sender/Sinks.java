package io.orderhooks.webhooks.sender;

import io.orderhooks.webhooks.sender.internal.WebhookSinkCore;

/** Passes the settings' knobs to the internal sink. */
final class Sinks {

    private Sinks() {}

    static WebhookSinkCore.Options options(WebhookSinkSettings s) {
        return new WebhookSinkCore.Options(s.preTimeLimit, s.postTimeLimit, s.schedule, s.queueCapacity, s.workers,
                s.drainTimeout, s.random);
    }
}
