package io.orderhooks.webhooks.testkit;

import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.ErrorResponse;
import io.orderhooks.core.model.PreWebhookResponse;
import io.orderhooks.core.model.WebhookPayload;
import java.io.IOException;
import java.util.Objects;

/**
 * Calls a dispatcher in memory as OrderCloud would: serializes and signs the payload, posts it, and reads
 * the answer as a typed {@link PreWebhookResponse} (pre-hooks) or as success (post-hooks). An error status
 * throws {@link WebhookCallException} with the parsed error envelope. Thread-safe if the dispatcher is.
 */
public final class WebhookTestClient {

    private final io.orderhooks.core.http.RawHandler dispatcher;
    private final String hashKey;

    private WebhookTestClient(io.orderhooks.core.http.RawHandler dispatcher, String hashKey) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.hashKey = hashKey;
    }

    /** Signs every call with {@code hashKey}. */
    public static WebhookTestClient signed(io.orderhooks.core.http.RawHandler dispatcher, String hashKey) {
        return new WebhookTestClient(dispatcher, Objects.requireNonNull(hashKey, "hashKey"));
    }

    /** Sends unsigned calls (for dispatchers built with {@code unsignedUnsafe()}). */
    public static WebhookTestClient unsigned(io.orderhooks.core.http.RawHandler dispatcher) {
        return new WebhookTestClient(dispatcher, null);
    }

    /** Posts {@code payload} to a pre-hook and returns its answer. */
    public PreWebhookResponse pre(WebhookPayload payload) {
        return pre(WebhookPayloads.toBytes(payload));
    }

    public PreWebhookResponse pre(byte[] body) {
        RawResponse response = orThrow(send(body));
        try {
            PreWebhookResponse answer = OrderCloudJson.mapper().readValue(response.body(), PreWebhookResponse.class);
            boolean noBody = answer.body() == null || answer.body().isNull();
            // JSON null reads as NullNode; normalize so proceed() compares equal to PreWebhookResponse.proceed()
            return noBody ? new PreWebhookResponse(answer.shouldProceed(), null) : answer;
        } catch (IOException e) {
            throw new IllegalStateException("not a pre-webhook answer: " + response.bodyText(), e);
        }
    }

    /** Posts {@code payload} to a post-hook; returns normally on a 2xx answer. */
    public void post(WebhookPayload payload) {
        post(WebhookPayloads.toBytes(payload));
    }

    public void post(byte[] body) {
        orThrow(send(body));
    }

    /** Posts {@code body} as it is and returns the raw answer, whatever its status. */
    public RawResponse send(byte[] body) {
        RawRequest request = hashKey == null ? WebhookSigning.unsignedRequest(body)
                : WebhookSigning.signedRequest(hashKey, body);
        return dispatcher.handle(request);
    }

    private static RawResponse orThrow(RawResponse response) {
        if (response.status() >= 200 && response.status() < 300) {
            return response;
        }
        ErrorResponse errors;
        try {
            errors = OrderCloudJson.mapper().readValue(response.body(), ErrorResponse.class);
        } catch (IOException | RuntimeException notAnEnvelope) {
            errors = null;
        }
        throw new WebhookCallException(response.status(), errors, response.bodyText());
    }
}
