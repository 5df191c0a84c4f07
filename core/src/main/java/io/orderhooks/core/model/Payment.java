package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A payment on an order. {@code Amount: null} means the order total less the other payments.
 */
public record Payment(
        @JsonProperty("ID") String id,
        @JsonProperty("Type") String type,
        @JsonProperty("DateCreated") OffsetDateTime dateCreated,
        @JsonProperty("CreditCardID") String creditCardID,
        @JsonProperty("SpendingAccountID") String spendingAccountID,
        @JsonProperty("Description") String description,
        @JsonProperty("Currency") String currency,
        @JsonProperty("Amount") BigDecimal amount,
        @JsonProperty("Accepted") Boolean accepted,
        @JsonProperty("OrderReturnID") String orderReturnID,
        @JsonProperty("xp") JsonNode xp,
        @JsonProperty("Transactions") List<PaymentTransaction> transactions) {

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.type = type;
        b.dateCreated = dateCreated;
        b.creditCardID = creditCardID;
        b.spendingAccountID = spendingAccountID;
        b.description = description;
        b.currency = currency;
        b.amount = amount;
        b.accepted = accepted;
        b.orderReturnID = orderReturnID;
        b.xp = xp;
        b.transactions = transactions;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String id;
        private String type;
        private OffsetDateTime dateCreated;
        private String creditCardID;
        private String spendingAccountID;
        private String description;
        private String currency;
        private BigDecimal amount;
        private Boolean accepted;
        private String orderReturnID;
        private JsonNode xp;
        private List<PaymentTransaction> transactions;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder dateCreated(OffsetDateTime dateCreated) {
            this.dateCreated = dateCreated;
            return this;
        }

        public Builder creditCardID(String creditCardID) {
            this.creditCardID = creditCardID;
            return this;
        }

        public Builder spendingAccountID(String spendingAccountID) {
            this.spendingAccountID = spendingAccountID;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
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

        public Builder accepted(Boolean accepted) {
            this.accepted = accepted;
            return this;
        }

        public Builder orderReturnID(String orderReturnID) {
            this.orderReturnID = orderReturnID;
            return this;
        }

        public Builder xp(JsonNode xp) {
            this.xp = xp;
            return this;
        }

        public Builder transactions(List<PaymentTransaction> transactions) {
            this.transactions = transactions;
            return this;
        }

        public Payment build() {
            return new Payment(id, type, dateCreated, creditCardID, spendingAccountID, description, currency, amount, accepted, orderReturnID, xp, transactions);
        }
    }
}
