package io.orderhooks.webhooks;

import io.orderhooks.core.model.PreWebhookResponse;

/**
 * Decides whether OrderCloud may apply a request: called before the platform acts, it answers
 * {@link PreWebhookResponse#proceed()} or {@link PreWebhookResponse#block(String)} (whose body OrderCloud
 * relays to the original caller).
 *
 * <p>Runs on a worker thread under the hook's time limit; on overrun it is interrupted. A handler that
 * throws, returns null or overruns is answered by the hook's {@link FailurePolicy} (blocking by default).
 * Must be thread-safe: concurrent requests call it concurrently.
 */
@FunctionalInterface
public interface PreWebhookHandler {

    PreWebhookResponse before(WebhookEvent event) throws Exception;
}
