package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * The variant part of a line item, when the product has variants.
 */
public record LineItemVariant(
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("Description") String description,
        @JsonProperty("ShipWeight") BigDecimal shipWeight,
        @JsonProperty("ShipHeight") BigDecimal shipHeight,
        @JsonProperty("ShipWidth") BigDecimal shipWidth,
        @JsonProperty("ShipLength") BigDecimal shipLength,
        @JsonProperty("xp") JsonNode xp) {

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.name = name;
        b.description = description;
        b.shipWeight = shipWeight;
        b.shipHeight = shipHeight;
        b.shipWidth = shipWidth;
        b.shipLength = shipLength;
        b.xp = xp;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String id;
        private String name;
        private String description;
        private BigDecimal shipWeight;
        private BigDecimal shipHeight;
        private BigDecimal shipWidth;
        private BigDecimal shipLength;
        private JsonNode xp;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
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

        public Builder shipWeight(BigDecimal shipWeight) {
            this.shipWeight = shipWeight;
            return this;
        }

        public Builder shipHeight(BigDecimal shipHeight) {
            this.shipHeight = shipHeight;
            return this;
        }

        public Builder shipWidth(BigDecimal shipWidth) {
            this.shipWidth = shipWidth;
            return this;
        }

        public Builder shipLength(BigDecimal shipLength) {
            this.shipLength = shipLength;
            return this;
        }

        public Builder xp(JsonNode xp) {
            this.xp = xp;
            return this;
        }

        public LineItemVariant build() {
            return new LineItemVariant(id, name, description, shipWeight, shipHeight, shipWidth, shipLength, xp);
        }
    }
}
