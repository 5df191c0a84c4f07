package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * A promotion buyers redeem by {@code Code}. Its expressions are evaluated by the engine's {@code PromotionCalculator}.
 */
public record Promotion(
        @JsonProperty("ID") String id,
        @JsonProperty("LineItemLevel") Boolean lineItemLevel,
        @JsonProperty("Code") String code,
        @JsonProperty("Name") String name,
        @JsonProperty("RedemptionLimit") Integer redemptionLimit,
        @JsonProperty("RedemptionLimitPerUser") Integer redemptionLimitPerUser,
        @JsonProperty("RedemptionCount") Integer redemptionCount,
        @JsonProperty("QuantityLimitPerOrder") Integer quantityLimitPerOrder,
        @JsonProperty("ItemLimitPerOrder") Integer itemLimitPerOrder,
        @JsonProperty("ItemSortBy") String itemSortBy,
        @JsonProperty("Description") String description,
        @JsonProperty("FinePrint") String finePrint,
        @JsonProperty("StartDate") OffsetDateTime startDate,
        @JsonProperty("ExpirationDate") OffsetDateTime expirationDate,
        @JsonProperty("EligibleExpression") String eligibleExpression,
        @JsonProperty("ValueExpression") String valueExpression,
        @JsonProperty("CanCombine") Boolean canCombine,
        @JsonProperty("AllowAllBuyers") Boolean allowAllBuyers,
        @JsonProperty("AutoApply") Boolean autoApply,
        @JsonProperty("Active") Boolean active,
        @JsonProperty("UseIntegration") Boolean useIntegration,
        @JsonProperty("Priority") Integer priority,
        @JsonProperty("OwnerID") String ownerID,
        @JsonProperty("xp") JsonNode xp) {

    /** OrderCloud's plain bool/int fields default to false/0 on the wire, never null. */
    public Promotion {
        lineItemLevel = WireDefaults.no(lineItemLevel);
        redemptionCount = WireDefaults.zero(redemptionCount);
        canCombine = WireDefaults.no(canCombine);
        allowAllBuyers = WireDefaults.no(allowAllBuyers);
        autoApply = WireDefaults.no(autoApply);
        useIntegration = WireDefaults.no(useIntegration);
    }

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.lineItemLevel = lineItemLevel;
        b.code = code;
        b.name = name;
        b.redemptionLimit = redemptionLimit;
        b.redemptionLimitPerUser = redemptionLimitPerUser;
        b.redemptionCount = redemptionCount;
        b.quantityLimitPerOrder = quantityLimitPerOrder;
        b.itemLimitPerOrder = itemLimitPerOrder;
        b.itemSortBy = itemSortBy;
        b.description = description;
        b.finePrint = finePrint;
        b.startDate = startDate;
        b.expirationDate = expirationDate;
        b.eligibleExpression = eligibleExpression;
        b.valueExpression = valueExpression;
        b.canCombine = canCombine;
        b.allowAllBuyers = allowAllBuyers;
        b.autoApply = autoApply;
        b.active = active;
        b.useIntegration = useIntegration;
        b.priority = priority;
        b.ownerID = ownerID;
        b.xp = xp;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String id;
        private Boolean lineItemLevel;
        private String code;
        private String name;
        private Integer redemptionLimit;
        private Integer redemptionLimitPerUser;
        private Integer redemptionCount;
        private Integer quantityLimitPerOrder;
        private Integer itemLimitPerOrder;
        private String itemSortBy;
        private String description;
        private String finePrint;
        private OffsetDateTime startDate;
        private OffsetDateTime expirationDate;
        private String eligibleExpression;
        private String valueExpression;
        private Boolean canCombine;
        private Boolean allowAllBuyers;
        private Boolean autoApply;
        private Boolean active;
        private Boolean useIntegration;
        private Integer priority;
        private String ownerID;
        private JsonNode xp;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder lineItemLevel(Boolean lineItemLevel) {
            this.lineItemLevel = lineItemLevel;
            return this;
        }

        public Builder code(String code) {
            this.code = code;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder redemptionLimit(Integer redemptionLimit) {
            this.redemptionLimit = redemptionLimit;
            return this;
        }

        public Builder redemptionLimitPerUser(Integer redemptionLimitPerUser) {
            this.redemptionLimitPerUser = redemptionLimitPerUser;
            return this;
        }

        public Builder redemptionCount(Integer redemptionCount) {
            this.redemptionCount = redemptionCount;
            return this;
        }

        public Builder quantityLimitPerOrder(Integer quantityLimitPerOrder) {
            this.quantityLimitPerOrder = quantityLimitPerOrder;
            return this;
        }

        public Builder itemLimitPerOrder(Integer itemLimitPerOrder) {
            this.itemLimitPerOrder = itemLimitPerOrder;
            return this;
        }

        public Builder itemSortBy(String itemSortBy) {
            this.itemSortBy = itemSortBy;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder finePrint(String finePrint) {
            this.finePrint = finePrint;
            return this;
        }

        public Builder startDate(OffsetDateTime startDate) {
            this.startDate = startDate;
            return this;
        }

        public Builder expirationDate(OffsetDateTime expirationDate) {
            this.expirationDate = expirationDate;
            return this;
        }

        public Builder eligibleExpression(String eligibleExpression) {
            this.eligibleExpression = eligibleExpression;
            return this;
        }

        public Builder valueExpression(String valueExpression) {
            this.valueExpression = valueExpression;
            return this;
        }

        public Builder canCombine(Boolean canCombine) {
            this.canCombine = canCombine;
            return this;
        }

        public Builder allowAllBuyers(Boolean allowAllBuyers) {
            this.allowAllBuyers = allowAllBuyers;
            return this;
        }

        public Builder autoApply(Boolean autoApply) {
            this.autoApply = autoApply;
            return this;
        }

        public Builder active(Boolean active) {
            this.active = active;
            return this;
        }

        public Builder useIntegration(Boolean useIntegration) {
            this.useIntegration = useIntegration;
            return this;
        }

        public Builder priority(Integer priority) {
            this.priority = priority;
            return this;
        }

        public Builder ownerID(String ownerID) {
            this.ownerID = ownerID;
            return this;
        }

        public Builder xp(JsonNode xp) {
            this.xp = xp;
            return this;
        }

        public Promotion build() {
            return new Promotion(id, lineItemLevel, code, name, redemptionLimit, redemptionLimitPerUser, redemptionCount, quantityLimitPerOrder, itemLimitPerOrder, itemSortBy, description, finePrint, startDate, expirationDate, eligibleExpression, valueExpression, canCombine, allowAllBuyers, autoApply, active, useIntegration, priority, ownerID, xp);
        }
    }
}
