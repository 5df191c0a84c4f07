package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A balance a buyer's users can pay with (gift card, budget, loyalty points).
 */
public record SpendingAccount(
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("Balance") BigDecimal balance,
        @JsonProperty("AllowAsPaymentMethod") Boolean allowAsPaymentMethod,
        @JsonProperty("RedemptionCode") String redemptionCode,
        @JsonProperty("StartDate") OffsetDateTime startDate,
        @JsonProperty("EndDate") OffsetDateTime endDate,
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
        b.balance = balance;
        b.allowAsPaymentMethod = allowAsPaymentMethod;
        b.redemptionCode = redemptionCode;
        b.startDate = startDate;
        b.endDate = endDate;
        b.xp = xp;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String id;
        private String name;
        private BigDecimal balance;
        private Boolean allowAsPaymentMethod;
        private String redemptionCode;
        private OffsetDateTime startDate;
        private OffsetDateTime endDate;
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

        public Builder balance(BigDecimal balance) {
            this.balance = balance;
            return this;
        }

        public Builder allowAsPaymentMethod(Boolean allowAsPaymentMethod) {
            this.allowAsPaymentMethod = allowAsPaymentMethod;
            return this;
        }

        public Builder redemptionCode(String redemptionCode) {
            this.redemptionCode = redemptionCode;
            return this;
        }

        public Builder startDate(OffsetDateTime startDate) {
            this.startDate = startDate;
            return this;
        }

        public Builder endDate(OffsetDateTime endDate) {
            this.endDate = endDate;
            return this;
        }

        public Builder xp(JsonNode xp) {
            this.xp = xp;
            return this;
        }

        public SpendingAccount build() {
            return new SpendingAccount(id, name, balance, allowAsPaymentMethod, redemptionCode, startDate, endDate, xp);
        }
    }
}
