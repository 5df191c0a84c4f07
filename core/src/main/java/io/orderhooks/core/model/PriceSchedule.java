package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * How a product is priced: price breaks by quantity, an optional sale window and quantity limits.
 */
public record PriceSchedule(
        @JsonProperty("OwnerID") String ownerID,
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("ApplyTax") Boolean applyTax,
        @JsonProperty("ApplyShipping") Boolean applyShipping,
        @JsonProperty("MinQuantity") Integer minQuantity,
        @JsonProperty("MaxQuantity") Integer maxQuantity,
        @JsonProperty("UseCumulativeQuantity") Boolean useCumulativeQuantity,
        @JsonProperty("RestrictedQuantity") Boolean restrictedQuantity,
        @JsonProperty("PriceBreaks") List<PriceBreak> priceBreaks,
        @JsonProperty("Currency") String currency,
        @JsonProperty("SaleStart") OffsetDateTime saleStart,
        @JsonProperty("SaleEnd") OffsetDateTime saleEnd,
        @JsonProperty("IsOnSale") Boolean isOnSale,
        @JsonProperty("xp") JsonNode xp) {

    /** OrderCloud's plain bool/int fields default to false/0 on the wire, never null. */
    public PriceSchedule {
        applyTax = WireDefaults.no(applyTax);
        applyShipping = WireDefaults.no(applyShipping);
        useCumulativeQuantity = WireDefaults.no(useCumulativeQuantity);
        restrictedQuantity = WireDefaults.no(restrictedQuantity);
        isOnSale = WireDefaults.no(isOnSale);
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
        b.name = name;
        b.applyTax = applyTax;
        b.applyShipping = applyShipping;
        b.minQuantity = minQuantity;
        b.maxQuantity = maxQuantity;
        b.useCumulativeQuantity = useCumulativeQuantity;
        b.restrictedQuantity = restrictedQuantity;
        b.priceBreaks = priceBreaks;
        b.currency = currency;
        b.saleStart = saleStart;
        b.saleEnd = saleEnd;
        b.isOnSale = isOnSale;
        b.xp = xp;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String ownerID;
        private String id;
        private String name;
        private Boolean applyTax;
        private Boolean applyShipping;
        private Integer minQuantity;
        private Integer maxQuantity;
        private Boolean useCumulativeQuantity;
        private Boolean restrictedQuantity;
        private List<PriceBreak> priceBreaks;
        private String currency;
        private OffsetDateTime saleStart;
        private OffsetDateTime saleEnd;
        private Boolean isOnSale;
        private JsonNode xp;

        private Builder() {}

        public Builder ownerID(String ownerID) {
            this.ownerID = ownerID;
            return this;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder applyTax(Boolean applyTax) {
            this.applyTax = applyTax;
            return this;
        }

        public Builder applyShipping(Boolean applyShipping) {
            this.applyShipping = applyShipping;
            return this;
        }

        public Builder minQuantity(Integer minQuantity) {
            this.minQuantity = minQuantity;
            return this;
        }

        public Builder maxQuantity(Integer maxQuantity) {
            this.maxQuantity = maxQuantity;
            return this;
        }

        public Builder useCumulativeQuantity(Boolean useCumulativeQuantity) {
            this.useCumulativeQuantity = useCumulativeQuantity;
            return this;
        }

        public Builder restrictedQuantity(Boolean restrictedQuantity) {
            this.restrictedQuantity = restrictedQuantity;
            return this;
        }

        public Builder priceBreaks(List<PriceBreak> priceBreaks) {
            this.priceBreaks = priceBreaks;
            return this;
        }

        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        public Builder saleStart(OffsetDateTime saleStart) {
            this.saleStart = saleStart;
            return this;
        }

        public Builder saleEnd(OffsetDateTime saleEnd) {
            this.saleEnd = saleEnd;
            return this;
        }

        public Builder isOnSale(Boolean isOnSale) {
            this.isOnSale = isOnSale;
            return this;
        }

        public Builder xp(JsonNode xp) {
            this.xp = xp;
            return this;
        }

        public PriceSchedule build() {
            return new PriceSchedule(ownerID, id, name, applyTax, applyShipping, minQuantity, maxQuantity, useCumulativeQuantity, restrictedQuantity, priceBreaks, currency, saleStart, saleEnd, isOnSale, xp);
        }
    }
}
