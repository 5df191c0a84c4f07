package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A webhook: which write requests ({@code WebhookRoutes}) of which API clients ({@code ApiClientIDs}) are
 * posted to {@code Url}, before ({@code BeforeProcessRequest}) or after the change.
 * {@code CustomAuthHeaderValue} is write-only. {@code xp.ProceedOnFailure=true} (an orderhooks extension)
 * lets a request proceed when a pre-webhook fails or times out; by default it is blocked.
 */
public record Webhook(
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("Description") String description,
        @JsonProperty("Url") String url,
        @JsonProperty("HashKey") String hashKey,
        @JsonProperty("ElevatedRoles") List<String> elevatedRoles,
        @JsonProperty("ConfigData") JsonNode configData,
        @JsonProperty("BeforeProcessRequest") Boolean beforeProcessRequest,
        @JsonProperty("ApiClientIDs") List<String> apiClientIDs,
        @JsonProperty("WebhookRoutes") List<WebhookRoute> webhookRoutes,
        @JsonProperty("DeliveryConfigID") String deliveryConfigID,
        @JsonProperty("CustomAuthHeaderName") String customAuthHeaderName,
        @JsonProperty("CustomAuthHeaderValue") String customAuthHeaderValue,
        @JsonProperty("xp") JsonNode xp) {

    /** Whether this hook fires for {@code verb} on {@code route} called through {@code clientID}. */
    public boolean firesFor(String route, String verb, String clientID) {
        if (apiClientIDs == null || clientID == null || !apiClientIDs.contains(clientID) || webhookRoutes == null) {
            return false;
        }
        return webhookRoutes.stream().anyMatch(r -> route.equals(r.route()) && verb.equalsIgnoreCase(r.verb()));
    }

    public boolean isPreHook() {
        return Boolean.TRUE.equals(beforeProcessRequest);
    }


    /** A copy safe to return to a caller: the write-only auth header value removed. */
    public Webhook redacted() {
        return new Webhook(id, name, description, url, hashKey, elevatedRoles, configData, beforeProcessRequest,
                apiClientIDs, webhookRoutes, deliveryConfigID, customAuthHeaderName, null, xp);
    }
}
