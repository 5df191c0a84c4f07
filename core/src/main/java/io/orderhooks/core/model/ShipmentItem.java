package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A quantity of one line item on a shipment; the line fields are read-only copies.
 */
public record ShipmentItem(
        @JsonProperty("OrderID") String orderID,
        @JsonProperty("LineItemID") String lineItemID,
        @JsonProperty("QuantityShipped") Integer quantityShipped,
        @JsonProperty("UnitPrice") BigDecimal unitPrice,
        @JsonProperty("CostCenter") String costCenter,
        @JsonProperty("DateNeeded") OffsetDateTime dateNeeded,
        @JsonProperty("Product") LineItemProduct product,
        @JsonProperty("Variant") LineItemVariant variant,
        @JsonProperty("Specs") List<LineItemSpec> specs,
        @JsonProperty("xp") JsonNode xp) {

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.orderID = orderID;
        b.lineItemID = lineItemID;
        b.quantityShipped = quantityShipped;
        b.unitPrice = unitPrice;
        b.costCenter = costCenter;
        b.dateNeeded = dateNeeded;
        b.product = product;
        b.variant = variant;
        b.specs = specs;
        b.xp = xp;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String orderID;
        private String lineItemID;
        private Integer quantityShipped;
        private BigDecimal unitPrice;
        private String costCenter;
        private OffsetDateTime dateNeeded;
        private LineItemProduct product;
        private LineItemVariant variant;
        private List<LineItemSpec> specs;
        private JsonNode xp;

        private Builder() {}

        public Builder orderID(String orderID) {
            this.orderID = orderID;
            return this;
        }

        public Builder lineItemID(String lineItemID) {
            this.lineItemID = lineItemID;
            return this;
        }

        public Builder quantityShipped(Integer quantityShipped) {
            this.quantityShipped = quantityShipped;
            return this;
        }

        public Builder unitPrice(BigDecimal unitPrice) {
            this.unitPrice = unitPrice;
            return this;
        }

        public Builder costCenter(String costCenter) {
            this.costCenter = costCenter;
            return this;
        }

        public Builder dateNeeded(OffsetDateTime dateNeeded) {
            this.dateNeeded = dateNeeded;
            return this;
        }

        public Builder product(LineItemProduct product) {
            this.product = product;
            return this;
        }

        public Builder variant(LineItemVariant variant) {
            this.variant = variant;
            return this;
        }

        public Builder specs(List<LineItemSpec> specs) {
            this.specs = specs;
            return this;
        }

        public Builder xp(JsonNode xp) {
            this.xp = xp;
            return this;
        }

        public ShipmentItem build() {
            return new ShipmentItem(orderID, lineItemID, quantityShipped, unitPrice, costCenter, dateNeeded, product, variant, specs, xp);
        }
    }
}
