package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * The product part of a line item: a copy of the product as it was when the line was added (not a buyer product with a price schedule).
 */
public record LineItemProduct(
        @JsonProperty("ID") String id,
        @JsonProperty("ParentID") String parentID,
        @JsonProperty("Name") String name,
        @JsonProperty("Description") String description,
        @JsonProperty("Returnable") Boolean returnable,
        @JsonProperty("QuantityMultiplier") Integer quantityMultiplier,
        @JsonProperty("ShipWeight") BigDecimal shipWeight,
        @JsonProperty("ShipHeight") BigDecimal shipHeight,
        @JsonProperty("ShipWidth") BigDecimal shipWidth,
        @JsonProperty("ShipLength") BigDecimal shipLength,
        @JsonProperty("DefaultSupplierID") String defaultSupplierID,
        @JsonProperty("xp") JsonNode xp) {

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.parentID = parentID;
        b.name = name;
        b.description = description;
        b.returnable = returnable;
        b.quantityMultiplier = quantityMultiplier;
        b.shipWeight = shipWeight;
        b.shipHeight = shipHeight;
        b.shipWidth = shipWidth;
        b.shipLength = shipLength;
        b.defaultSupplierID = defaultSupplierID;
        b.xp = xp;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String id;
        private String parentID;
        private String name;
        private String description;
        private Boolean returnable;
        private Integer quantityMultiplier;
        private BigDecimal shipWeight;
        private BigDecimal shipHeight;
        private BigDecimal shipWidth;
        private BigDecimal shipLength;
        private String defaultSupplierID;
        private JsonNode xp;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder parentID(String parentID) {
            this.parentID = parentID;
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

        public Builder returnable(Boolean returnable) {
            this.returnable = returnable;
            return this;
        }

        public Builder quantityMultiplier(Integer quantityMultiplier) {
            this.quantityMultiplier = quantityMultiplier;
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

        public Builder defaultSupplierID(String defaultSupplierID) {
            this.defaultSupplierID = defaultSupplierID;
            return this;
        }

        public Builder xp(JsonNode xp) {
            this.xp = xp;
            return this;
        }

        public LineItemProduct build() {
            return new LineItemProduct(id, parentID, name, description, returnable, quantityMultiplier, shipWeight, shipHeight, shipWidth, shipLength, defaultSupplierID, xp);
        }
    }
}
