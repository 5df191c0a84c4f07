package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A set of products that can be assigned to buyers.
 */
public record Catalog(
        @JsonProperty("ID") String id,
        @JsonProperty("OwnerID") String ownerID,
        @JsonProperty("Name") String name,
        @JsonProperty("Description") String description,
        @JsonProperty("Active") Boolean active,
        @JsonProperty("CategoryCount") Integer categoryCount,
        @JsonProperty("xp") JsonNode xp) {

    /** OrderCloud's plain bool/int fields default to false/0 on the wire, never null. */
    public Catalog {
        categoryCount = WireDefaults.zero(categoryCount);
    }

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.ownerID = ownerID;
        b.name = name;
        b.description = description;
        b.active = active;
        b.categoryCount = categoryCount;
        b.xp = xp;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String id;
        private String ownerID;
        private String name;
        private String description;
        private Boolean active;
        private Integer categoryCount;
        private JsonNode xp;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder ownerID(String ownerID) {
            this.ownerID = ownerID;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder active(Boolean active) {
            this.active = active;
            return this;
        }

        public Builder categoryCount(Integer categoryCount) {
            this.categoryCount = categoryCount;
            return this;
        }

        public Builder xp(JsonNode xp) {
            this.xp = xp;
            return this;
        }

        public Catalog build() {
            return new Catalog(id, ownerID, name, description, active, categoryCount, xp);
        }
    }
}
