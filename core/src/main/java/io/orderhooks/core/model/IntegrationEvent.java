package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Where the engine delivers checkout events. {@code CustomAuthHeaderValue} is write-only.
 */
public record IntegrationEvent(
        @JsonProperty("ElevatedRoles") List<String> elevatedRoles,
        @JsonProperty("ID") String id,
        @JsonProperty("ConfigData") JsonNode configData,
        @JsonProperty("EventType") String eventType,
        @JsonProperty("CustomImplementationUrl") String customImplementationUrl,
        @JsonProperty("CustomAuthHeaderName") String customAuthHeaderName,
        @JsonProperty(value = "CustomAuthHeaderValue", access = JsonProperty.Access.WRITE_ONLY) String customAuthHeaderValue,
        @JsonProperty("Name") String name,
        @JsonProperty("HashKey") String hashKey) {

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.elevatedRoles = elevatedRoles;
        b.id = id;
        b.configData = configData;
        b.eventType = eventType;
        b.customImplementationUrl = customImplementationUrl;
        b.customAuthHeaderName = customAuthHeaderName;
        b.customAuthHeaderValue = customAuthHeaderValue;
        b.name = name;
        b.hashKey = hashKey;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private List<String> elevatedRoles;
        private String id;
        private JsonNode configData;
        private String eventType;
        private String customImplementationUrl;
        private String customAuthHeaderName;
        private String customAuthHeaderValue;
        private String name;
        private String hashKey;

        private Builder() {}

        public Builder elevatedRoles(List<String> elevatedRoles) {
            this.elevatedRoles = elevatedRoles;
            return this;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder configData(JsonNode configData) {
            this.configData = configData;
            return this;
        }

        public Builder eventType(String eventType) {
            this.eventType = eventType;
            return this;
        }

        public Builder customImplementationUrl(String customImplementationUrl) {
            this.customImplementationUrl = customImplementationUrl;
            return this;
        }

        public Builder customAuthHeaderName(String customAuthHeaderName) {
            this.customAuthHeaderName = customAuthHeaderName;
            return this;
        }

        public Builder customAuthHeaderValue(String customAuthHeaderValue) {
            this.customAuthHeaderValue = customAuthHeaderValue;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder hashKey(String hashKey) {
            this.hashKey = hashKey;
            return this;
        }

        public IntegrationEvent build() {
            return new IntegrationEvent(elevatedRoles, id, configData, eventType, customImplementationUrl, customAuthHeaderName, customAuthHeaderValue, name, hashKey);
        }
    }
}
