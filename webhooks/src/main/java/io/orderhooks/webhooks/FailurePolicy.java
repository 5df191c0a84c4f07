package io.orderhooks.webhooks;

/**
 * What a pre-webhook answers when its handler throws, returns null or overruns its time limit. Blocking is
 * the default, so a broken validator never lets invalid data through silently; either way the failure is
 * logged with a correlation id.
 */
public enum FailurePolicy {
    /** Answer {@code {"proceed":false}} with an error body ({@code Webhook.HandlerFailed} / {@code Webhook.HandlerTimedOut}). */
    BLOCK,
    /** Answer {@code {"proceed":true}}: the request goes ahead unchecked. Choose only for advisory hooks. */
    PROCEED
}
