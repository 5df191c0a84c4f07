package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A product: what a buyer may see and buy. {@code QuantityMultiplier} is informational (see docs/ENGINE.md); {@code Inventory} is null when not tracked.
 */
public record Product(
        @JsonProperty("OwnerID") String ownerID,
        @JsonProperty("DefaultPriceScheduleID") String defaultPriceScheduleID,
        @JsonProperty("AutoForward") Boolean autoForward,
        @JsonProperty("ID") String id,
        @JsonProperty("ParentID") String parentID,
        @JsonProperty("IsParent") Boolean isParent,
        @JsonProperty("IsBundle") Boolean isBundle,
        @JsonProperty("Name") String name,
        @JsonProperty("Description") String description,
        @JsonProperty("QuantityMultiplier") Integer quantityMultiplier,
        @JsonProperty("ShipWeight") BigDecimal shipWeight,
        @JsonProperty("ShipHeight") BigDecimal shipHeight,
        @JsonProperty("ShipWidth") BigDecimal shipWidth,
        @JsonProperty("ShipLength") BigDecimal shipLength,
        @JsonProperty("Active") Boolean active,
        @JsonProperty("SpecCount") Integer specCount,
        @JsonProperty("VariantCount") Integer variantCount,
        @JsonProperty("ShipFromAddressID") String shipFromAddressID,
        @JsonProperty("Inventory") Inventory inventory,
        @JsonProperty("DefaultSupplierID") String defaultSupplierID,
        @JsonProperty("AllSuppliersCanSell") Boolean allSuppliersCanSell,
        @JsonProperty("Returnable") Boolean returnable,
        @JsonProperty("DateCreated") OffsetDateTime dateCreated,
        @JsonProperty("xp") JsonNode xp) {

    /** OrderCloud's plain bool/int fields default to false/0 on the wire, never null. */
    public Product {
        autoForward = WireDefaults.no(autoForward);
        isParent = WireDefaults.no(isParent);
        isBundle = WireDefaults.no(isBundle);
        specCount = WireDefaults.zero(specCount);
        variantCount = WireDefaults.zero(variantCount);
        allSuppliersCanSell = WireDefaults.no(allSuppliersCanSell);
        returnable = WireDefaults.no(returnable);
    }

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.ownerID = ownerID;
        b.defaultPriceScheduleID = defaultPriceScheduleID;
        b.autoForward = autoForward;
        b.id = id;
        b.parentID = parentID;
        b.isParent = isParent;
        b.isBundle = isBundle;
        b.name = name;
        b.description = description;
        b.quantityMultiplier = quantityMultiplier;
        b.shipWeight = shipWeight;
        b.shipHeight = shipHeight;
        b.shipWidth = shipWidth;
        b.shipLength = shipLength;
        b.active = active;
        b.specCount = specCount;
        b.variantCount = variantCount;
        b.shipFromAddressID = shipFromAddressID;
        b.inventory = inventory;
        b.defaultSupplierID = defaultSupplierID;
        b.allSuppliersCanSell = allSuppliersCanSell;
        b.returnable = returnable;
        b.dateCreated = dateCreated;
        b.xp = xp;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String ownerID;
        private String defaultPriceScheduleID;
        private Boolean autoForward;
        private String id;
        private String parentID;
        private Boolean isParent;
        private Boolean isBundle;
        private String name;
        private String description;
        private Integer quantityMultiplier;
        private BigDecimal shipWeight;
        private BigDecimal shipHeight;
        private BigDecimal shipWidth;
        private BigDecimal shipLength;
        private Boolean active;
        private Integer specCount;
        private Integer variantCount;
        private String shipFromAddressID;
        private Inventory inventory;
        private String defaultSupplierID;
        private Boolean allSuppliersCanSell;
        private Boolean returnable;
        private OffsetDateTime dateCreated;
        private JsonNode xp;

        private Builder() {}

        public Builder ownerID(String ownerID) {
            this.ownerID = ownerID;
            return this;
        }

        public Builder defaultPriceScheduleID(String defaultPriceScheduleID) {
            this.defaultPriceScheduleID = defaultPriceScheduleID;
            return this;
        }

        public Builder autoForward(Boolean autoForward) {
            this.autoForward = autoForward;
            return this;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder parentID(String parentID) {
            this.parentID = parentID;
            return this;
        }

        public Builder isParent(Boolean isParent) {
            this.isParent = isParent;
            return this;
        }

        public Builder isBundle(Boolean isBundle) {
            this.isBundle = isBundle;
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

        public Builder active(Boolean active) {
            this.active = active;
            return this;
        }

        public Builder specCount(Integer specCount) {
            this.specCount = specCount;
            return this;
        }

        public Builder variantCount(Integer variantCount) {
            this.variantCount = variantCount;
            return this;
        }

        public Builder shipFromAddressID(String shipFromAddressID) {
            this.shipFromAddressID = shipFromAddressID;
            return this;
        }

        public Builder inventory(Inventory inventory) {
            this.inventory = inventory;
            return this;
        }

        public Builder defaultSupplierID(String defaultSupplierID) {
            this.defaultSupplierID = defaultSupplierID;
            return this;
        }

        public Builder allSuppliersCanSell(Boolean allSuppliersCanSell) {
            this.allSuppliersCanSell = allSuppliersCanSell;
            return this;
        }

        public Builder dateCreated(OffsetDateTime dateCreated) {
            this.dateCreated = dateCreated;
            return this;
        }

        public Builder returnable(Boolean returnable) {
            this.returnable = returnable;
            return this;
        }

        public Builder xp(JsonNode xp) {
            this.xp = xp;
            return this;
        }

        public Product build() {
            return new Product(ownerID, defaultPriceScheduleID, autoForward, id, parentID, isParent, isBundle, name, description, quantityMultiplier, shipWeight, shipHeight, shipWidth, shipLength, active, specCount, variantCount, shipFromAddressID, inventory, defaultSupplierID, allSuppliersCanSell, returnable,
                    dateCreated, xp);
        }
    }
}
