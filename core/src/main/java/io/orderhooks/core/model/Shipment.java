package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A shipment of order lines. When every quantity of an order is on shipments with {@code DateShipped}, the order completes.
 */
public record Shipment(
        @JsonProperty("ID") String id,
        @JsonProperty("BuyerID") String buyerID,
        @JsonProperty("Shipper") String shipper,
        @JsonProperty("DateShipped") OffsetDateTime dateShipped,
        @JsonProperty("DateDelivered") OffsetDateTime dateDelivered,
        @JsonProperty("TrackingNumber") String trackingNumber,
        @JsonProperty("Cost") BigDecimal cost,
        @JsonProperty("xp") JsonNode xp,
        @JsonProperty("Account") String account,
        @JsonProperty("FromAddressID") String fromAddressID,
        @JsonProperty("ToAddressID") String toAddressID,
        @JsonProperty("FromAddress") Address fromAddress,
        @JsonProperty("ToAddress") Address toAddress,
        @JsonProperty("OwnerID") String ownerID) {

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.buyerID = buyerID;
        b.shipper = shipper;
        b.dateShipped = dateShipped;
        b.dateDelivered = dateDelivered;
        b.trackingNumber = trackingNumber;
        b.cost = cost;
        b.xp = xp;
        b.account = account;
        b.fromAddressID = fromAddressID;
        b.toAddressID = toAddressID;
        b.fromAddress = fromAddress;
        b.toAddress = toAddress;
        b.ownerID = ownerID;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String id;
        private String buyerID;
        private String shipper;
        private OffsetDateTime dateShipped;
        private OffsetDateTime dateDelivered;
        private String trackingNumber;
        private BigDecimal cost;
        private JsonNode xp;
        private String account;
        private String fromAddressID;
        private String toAddressID;
        private Address fromAddress;
        private Address toAddress;
        private String ownerID;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder buyerID(String buyerID) {
            this.buyerID = buyerID;
            return this;
        }

        public Builder shipper(String shipper) {
            this.shipper = shipper;
            return this;
        }

        public Builder dateShipped(OffsetDateTime dateShipped) {
            this.dateShipped = dateShipped;
            return this;
        }

        public Builder dateDelivered(OffsetDateTime dateDelivered) {
            this.dateDelivered = dateDelivered;
            return this;
        }

        public Builder trackingNumber(String trackingNumber) {
            this.trackingNumber = trackingNumber;
            return this;
        }

        public Builder cost(BigDecimal cost) {
            this.cost = cost;
            return this;
        }

        public Builder xp(JsonNode xp) {
            this.xp = xp;
            return this;
        }

        public Builder account(String account) {
            this.account = account;
            return this;
        }

        public Builder fromAddressID(String fromAddressID) {
            this.fromAddressID = fromAddressID;
            return this;
        }

        public Builder toAddressID(String toAddressID) {
            this.toAddressID = toAddressID;
            return this;
        }

        public Builder fromAddress(Address fromAddress) {
            this.fromAddress = fromAddress;
            return this;
        }

        public Builder toAddress(Address toAddress) {
            this.toAddress = toAddress;
            return this;
        }

        public Builder ownerID(String ownerID) {
            this.ownerID = ownerID;
            return this;
        }

        public Shipment build() {
            return new Shipment(id, buyerID, shipper, dateShipped, dateDelivered, trackingNumber, cost, xp, account, fromAddressID, toAddressID, fromAddress, toAddress, ownerID);
        }
    }
}
