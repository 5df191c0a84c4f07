package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A product specification (size, colour, engraving) with options that may mark the price up.
 */
public record Spec(
        @JsonProperty("OwnerID") String ownerID,
        @JsonProperty("ID") String id,
        @JsonProperty("ListOrder") Integer listOrder,
        @JsonProperty("Name") String name,
        @JsonProperty("DefaultValue") String defaultValue,
        @JsonProperty("Required") Boolean required,
        @JsonProperty("AllowOpenText") Boolean allowOpenText,
        @JsonProperty("DefaultOptionID") String defaultOptionID,
        @JsonProperty("DefinesVariant") Boolean definesVariant,
        @JsonProperty("xp") JsonNode xp,
        @JsonProperty("OptionCount") Integer optionCount) {

    /** OrderCloud's plain bool/int fields default to false/0 on the wire, never null. */
    public Spec {
        listOrder = WireDefaults.zero(listOrder);
        required = WireDefaults.no(required);
        allowOpenText = WireDefaults.no(allowOpenText);
        definesVariant = WireDefaults.no(definesVariant);
        optionCount = WireDefaults.zero(optionCount);
    }

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.ownerID = ownerID;
        b.id = id;
        b.listOrder = listOrder;
        b.name = name;
        b.defaultValue = defaultValue;
        b.required = required;
        b.allowOpenText = allowOpenText;
        b.defaultOptionID = defaultOptionID;
        b.definesVariant = definesVariant;
        b.xp = xp;
        b.optionCount = optionCount;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String ownerID;
        private String id;
        private Integer listOrder;
        private String name;
        private String defaultValue;
        private Boolean required;
        private Boolean allowOpenText;
        private String defaultOptionID;
        private Boolean definesVariant;
        private JsonNode xp;
        private Integer optionCount;

        private Builder() {}

        public Builder ownerID(String ownerID) {
            this.ownerID = ownerID;
            return this;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder listOrder(Integer listOrder) {
            this.listOrder = listOrder;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder defaultValue(String defaultValue) {
            this.defaultValue = defaultValue;
            return this;
        }

        public Builder required(Boolean required) {
            this.required = required;
            return this;
        }

        public Builder allowOpenText(Boolean allowOpenText) {
            this.allowOpenText = allowOpenText;
            return this;
        }

        public Builder defaultOptionID(String defaultOptionID) {
            this.defaultOptionID = defaultOptionID;
            return this;
        }

        public Builder definesVariant(Boolean definesVariant) {
            this.definesVariant = definesVariant;
            return this;
        }

        public Builder xp(JsonNode xp) {
            this.xp = xp;
            return this;
        }

        public Builder optionCount(Integer optionCount) {
            this.optionCount = optionCount;
            return this;
        }

        public Spec build() {
            return new Spec(ownerID, id, listOrder, name, defaultValue, required, allowOpenText, defaultOptionID, definesVariant, xp, optionCount);
        }
    }
}
