package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The body OrderCloud POSTs to a webhook URL. {@code Route} is the route template without a leading slash.
 */
public record WebhookPayload(
        @JsonProperty("Route") String route,
        @JsonProperty("RouteParams") Map<String,String> routeParams,
        @JsonProperty("QueryParams") Map<String,String> queryParams,
        @JsonProperty("Verb") String verb,
        @JsonProperty("Date") OffsetDateTime date,
        @JsonProperty("LogID") String logID,
        @JsonProperty("UserToken") String userToken,
        @JsonProperty("Request") WebhookMessage request,
        @JsonProperty("Response") WebhookMessage response,
        @JsonProperty("ConfigData") JsonNode configData) {

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.route = route;
        b.routeParams = routeParams;
        b.queryParams = queryParams;
        b.verb = verb;
        b.date = date;
        b.logID = logID;
        b.userToken = userToken;
        b.request = request;
        b.response = response;
        b.configData = configData;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String route;
        private Map<String,String> routeParams;
        private Map<String,String> queryParams;
        private String verb;
        private OffsetDateTime date;
        private String logID;
        private String userToken;
        private WebhookMessage request;
        private WebhookMessage response;
        private JsonNode configData;

        private Builder() {}

        public Builder route(String route) {
            this.route = route;
            return this;
        }

        public Builder routeParams(Map<String,String> routeParams) {
            this.routeParams = routeParams;
            return this;
        }

        public Builder queryParams(Map<String,String> queryParams) {
            this.queryParams = queryParams;
            return this;
        }

        public Builder verb(String verb) {
            this.verb = verb;
            return this;
        }

        public Builder date(OffsetDateTime date) {
            this.date = date;
            return this;
        }

        public Builder logID(String logID) {
            this.logID = logID;
            return this;
        }

        public Builder userToken(String userToken) {
            this.userToken = userToken;
            return this;
        }

        public Builder request(WebhookMessage request) {
            this.request = request;
            return this;
        }

        public Builder response(WebhookMessage response) {
            this.response = response;
            return this;
        }

        public Builder configData(JsonNode configData) {
            this.configData = configData;
            return this;
        }

        public WebhookPayload build() {
            return new WebhookPayload(route, routeParams, queryParams, verb, date, logID, userToken, request, response, configData);
        }
    }
}
