package io.orderhooks.webhooks;

/**
 * Reacts to a request OrderCloud has applied; the event carries both the request and the response body.
 *
 * <p>Runs at most once per {@code LogID} while the dispatcher remembers it (a delivery repeated after a
 * success is answered without calling the handler). Synchronously, a throw answers OrderCloud with a 500 so
 * the platform may deliver again; asynchronously, a throw is retried with backoff and, when retries are
 * exhausted, recorded as a dead letter. Must be thread-safe.
 */
@FunctionalInterface
public interface PostWebhookHandler {

    void after(WebhookEvent event) throws Exception;
}
