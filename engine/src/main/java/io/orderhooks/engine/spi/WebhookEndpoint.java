package io.orderhooks.engine.spi;

import io.orderhooks.core.model.Webhook;
import java.util.Objects;

/**
 * Where and how the engine delivers one webhook: the delivery part of a {@code Webhook} resource.
 *
 * @param id the webhook's ID (names its breaker and its delivery records)
 * @param url where to POST the payload
 * @param hashKey optional signing key; when null the payload is sent unsigned
 * @param customAuthHeaderName optional extra header
 * @param customAuthHeaderValue its value
 * @param beforeProcessRequest true for a pre-webhook (synchronous, may block the request)
 * @param proceedOnFailure for pre-webhooks: whether a failed or timed-out call lets the request proceed;
 *     false (the default) blocks it, so a broken validator never lets invalid data through
 */
public record WebhookEndpoint(
        String id,
        String url,
        String hashKey,
        String customAuthHeaderName,
        String customAuthHeaderValue,
        boolean beforeProcessRequest,
        boolean proceedOnFailure) {

    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
    }

    /** A registered webhook as the sink sees it ({@code xp.ProceedOnFailure} chooses the pre-hook failure policy). */
    public static WebhookEndpoint of(Webhook hook) {
        boolean proceed = hook.xp() != null && hook.xp().path("ProceedOnFailure").asBoolean(false);
        return new WebhookEndpoint(hook.id(), hook.url(), hook.hashKey(), hook.customAuthHeaderName(),
                hook.customAuthHeaderValue(), hook.isPreHook(), proceed);
    }
}
