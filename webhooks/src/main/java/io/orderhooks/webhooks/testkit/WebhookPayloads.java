package io.orderhooks.webhooks.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.WebhookMessage;
import io.orderhooks.core.model.WebhookPayload;
import io.orderhooks.webhooks.RouteTemplate;
import io.orderhooks.webhooks.UserClaims;
import io.orderhooks.webhooks.WebhookEvent;
import io.orderhooks.webhooks.internal.HookRouter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the payload OrderCloud would send for a route, in a few lines:
 *
 * <pre>{@code
 * byte[] body = WebhookPayloads
 *     .forRoute("v1/me/productcollections/{productCollectionID}/invitations/accept/{invitationID}", "POST")
 *     .param("productCollectionID", "c1").param("invitationID", "i1")
 *     .requestBody("{\"Name\":\"Household list\"}")
 *     .toBytes();
 * }</pre>
 *
 * Route parameters are checked against the template (an unknown name, or one left unset, is refused);
 * {@code LogID} defaults to a random UUID and {@code Date} to now. Bodies and config may be JSON text, a
 * {@link JsonNode} or any object the shared mapper can write.
 */
public final class WebhookPayloads {

    private WebhookPayloads() {}

    /**
     * A builder for {@code verb routeTemplate}.
     *
     * @throws IllegalArgumentException if the template is malformed or the verb is not POST/PUT/PATCH/DELETE
     */
    public static Builder forRoute(String routeTemplate, String verb) {
        return new Builder(RouteTemplate.parse(routeTemplate), HookRouter.normalizeVerb(verb));
    }

    /** The payload's exact JSON bytes, as a sender would sign them. */
    public static byte[] toBytes(WebhookPayload payload) {
        try {
            return OrderCloudJson.mapper().writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize the payload", e);
        }
    }

    /** An unsigned JWT carrying {@code claims} in OrderCloud's claim names, for {@code UserToken}. */
    public static String userToken(UserClaims claims) {
        return claims.toUnsignedToken();
    }

    static JsonNode json(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        try {
            return value instanceof String text ? OrderCloudJson.mapper().readTree(text)
                    : OrderCloudJson.mapper().valueToTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + value, e);
        }
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private final RouteTemplate template;
        private final String verb;
        private final Map<String, String> params = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private JsonNode requestBody;
        private JsonNode responseBody;
        private JsonNode configData;
        private String logId = UUID.randomUUID().toString();
        private OffsetDateTime date = OffsetDateTime.now(ZoneOffset.UTC);
        private String userToken;

        private Builder(RouteTemplate template, String verb) {
            this.template = template;
            this.verb = verb;
        }

        /** Sets route parameter {@code name}; refused if the template has no such placeholder. */
        public Builder param(String name, String value) {
            String canonical = template.paramName(name).orElseThrow(() -> new IllegalArgumentException(
                    "route " + template + " has no placeholder {" + name + "}; it has " + template.paramNames()));
            params.put(canonical, value);
            return this;
        }

        public Builder queryParam(String name, String value) {
            query.put(name, value);
            return this;
        }

        public Builder requestBody(Object body) {
            this.requestBody = json(body);
            return this;
        }

        /** {@code Response.Body}: what OrderCloud answered (post-webhooks). */
        public Builder responseBody(Object body) {
            this.responseBody = json(body);
            return this;
        }

        public Builder configData(Object configData) {
            this.configData = json(configData);
            return this;
        }

        public Builder logId(String logId) {
            this.logId = logId;
            return this;
        }

        public Builder date(OffsetDateTime date) {
            this.date = date;
            return this;
        }

        public Builder userToken(String token) {
            this.userToken = token;
            return this;
        }

        /** A {@code UserToken} carrying these claims (unsigned: receivers do not verify it). */
        public Builder claims(UserClaims claims) {
            this.userToken = WebhookPayloads.userToken(claims);
            return this;
        }

        /** @throws IllegalStateException naming a route parameter left unset */
        public WebhookPayload build() {
            for (String name : template.paramNames()) {
                if (!params.containsKey(name)) {
                    throw new IllegalStateException("route parameter " + name + " of " + template + " is not set");
                }
            }
            return WebhookPayload.builder()
                    .route(template.template()).routeParams(new LinkedHashMap<>(params)).queryParams(new LinkedHashMap<>(query))
                    .verb(verb).date(date).logID(logId).userToken(userToken)
                    .request(new WebhookMessage(requestBody, null))
                    .response(responseBody == null ? null : new WebhookMessage(responseBody, null))
                    .configData(configData)
                    .build();
        }

        public byte[] toBytes() {
            return WebhookPayloads.toBytes(build());
        }

        /** The event a dispatcher would hand the handler: for unit-testing a handler without a dispatcher. */
        public WebhookEvent toEvent() {
            return WebhookEvent.of(build(), template);
        }

        /** A POST carrying this payload, signed with {@code hashKey}. */
        public RawRequest signedRequest(String hashKey) {
            return WebhookSigning.signedRequest(hashKey, toBytes());
        }
    }
}
