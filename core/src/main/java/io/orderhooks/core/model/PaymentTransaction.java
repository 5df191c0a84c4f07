package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A ledger event of a payment (authorization, capture, spending-account debit, refund).
 */
public record PaymentTransaction(
        @JsonProperty("ID") String id,
        @JsonProperty("Type") String type,
        @JsonProperty("DateExecuted") OffsetDateTime dateExecuted,
        @JsonProperty("Currency") String currency,
        @JsonProperty("Amount") BigDecimal amount,
        @JsonProperty("Succeeded") Boolean succeeded,
        @JsonProperty("ResultCode") String resultCode,
        @JsonProperty("ResultMessage") String resultMessage,
        @JsonProperty("xp") JsonNode xp) {

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.type = type;
        b.dateExecuted = dateExecuted;
        b.currency = currency;
        b.amount = amount;
        b.succeeded = succeeded;
        b.resultCode = resultCode;
        b.resultMessage = resultMessage;
        b.xp = xp;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String id;
        private String type;
        private OffsetDateTime dateExecuted;
        private String currency;
        private BigDecimal amount;
        private Boolean succeeded;
        private String resultCode;
        private String resultMessage;
        private JsonNode xp;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder dateExecuted(OffsetDateTime dateExecuted) {
            this.dateExecuted = dateExecuted;
            return this;
        }

        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        public Builder amount(BigDecimal amount) {
            this.amount = amount;
            return this;
        }

        public Builder succeeded(Boolean succeeded) {
            this.succeeded = succeeded;
            return this;
        }

        public Builder resultCode(String resultCode) {
            this.resultCode = resultCode;
            return this;
        }

        public Builder resultMessage(String resultMessage) {
            this.resultMessage = resultMessage;
            return this;
        }

        public Builder xp(JsonNode xp) {
            this.xp = xp;
            return this;
        }

        public PaymentTransaction build() {
            return new PaymentTransaction(id, type, dateExecuted, currency, amount, succeeded, resultCode, resultMessage, xp);
        }
    }
}
