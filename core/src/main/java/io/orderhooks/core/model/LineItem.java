package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A line of an order. {@code LineSubtotal = UnitPrice x Quantity}; {@code LineTotal = LineSubtotal - PromotionDiscount}.
 *
 * <p>{@code InvitationID} is set (read-only) when a group-order contributor created the line.
 */
public record LineItem(
        @JsonProperty("ID") String id,
        @JsonProperty("ProductID") String productID,
        @JsonProperty("Quantity") Integer quantity,
        @JsonProperty("DateAdded") OffsetDateTime dateAdded,
        @JsonProperty("QuantityShipped") Integer quantityShipped,
        @JsonProperty("UnitPrice") BigDecimal unitPrice,
        @JsonProperty("PromotionDiscount") BigDecimal promotionDiscount,
        @JsonProperty("LineTotal") BigDecimal lineTotal,
        @JsonProperty("LineSubtotal") BigDecimal lineSubtotal,
        @JsonProperty("CostCenter") String costCenter,
        @JsonProperty("DateNeeded") OffsetDateTime dateNeeded,
        @JsonProperty("ShippingAccount") String shippingAccount,
        @JsonProperty("ShippingAddressID") String shippingAddressID,
        @JsonProperty("ShipFromAddressID") String shipFromAddressID,
        @JsonProperty("Product") LineItemProduct product,
        @JsonProperty("Variant") LineItemVariant variant,
        @JsonProperty("ShippingAddress") Address shippingAddress,
        @JsonProperty("ShipFromAddress") Address shipFromAddress,
        @JsonProperty("SupplierID") String supplierID,
        @JsonProperty("InventoryRecordID") String inventoryRecordID,
        @JsonProperty("PriceScheduleID") String priceScheduleID,
        @JsonProperty("IsOnSale") Boolean isOnSale,
        @JsonProperty("PriceOverridden") Boolean priceOverridden,
        @JsonProperty("Specs") List<LineItemSpec> specs,
        @JsonProperty("IncomingOrderID") String incomingOrderID,
        @JsonProperty("OutgoingOrderID") String outgoingOrderID,
        @JsonProperty("InvitationID") String invitationID,
        @JsonProperty("IsBundle") Boolean isBundle,
        @JsonProperty("BundleItemID") String bundleItemID,
        @JsonProperty("xp") JsonNode xp) {

    /** {@code IsBundle} is a plain bool on the wire: false unless set. */
    public LineItem {
        isBundle = isBundle != null && isBundle;
    }

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.productID = productID;
        b.quantity = quantity;
        b.dateAdded = dateAdded;
        b.quantityShipped = quantityShipped;
        b.unitPrice = unitPrice;
        b.promotionDiscount = promotionDiscount;
        b.lineTotal = lineTotal;
        b.lineSubtotal = lineSubtotal;
        b.costCenter = costCenter;
        b.dateNeeded = dateNeeded;
        b.shippingAccount = shippingAccount;
        b.shippingAddressID = shippingAddressID;
        b.shipFromAddressID = shipFromAddressID;
        b.product = product;
        b.variant = variant;
        b.shippingAddress = shippingAddress;
        b.shipFromAddress = shipFromAddress;
        b.supplierID = supplierID;
        b.inventoryRecordID = inventoryRecordID;
        b.priceScheduleID = priceScheduleID;
        b.isOnSale = isOnSale;
        b.priceOverridden = priceOverridden;
        b.specs = specs;
        b.incomingOrderID = incomingOrderID;
        b.outgoingOrderID = outgoingOrderID;
        b.invitationID = invitationID;
        b.isBundle = isBundle;
        b.bundleItemID = bundleItemID;
        b.xp = xp;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String id;
        private String productID;
        private Integer quantity;
        private OffsetDateTime dateAdded;
        private Integer quantityShipped;
        private BigDecimal unitPrice;
        private BigDecimal promotionDiscount;
        private BigDecimal lineTotal;
        private BigDecimal lineSubtotal;
        private String costCenter;
        private OffsetDateTime dateNeeded;
        private String shippingAccount;
        private String shippingAddressID;
        private String shipFromAddressID;
        private LineItemProduct product;
        private LineItemVariant variant;
        private Address shippingAddress;
        private Address shipFromAddress;
        private String supplierID;
        private String inventoryRecordID;
        private String priceScheduleID;
        private Boolean isOnSale;
        private Boolean priceOverridden;
        private List<LineItemSpec> specs;
        private String incomingOrderID;
        private String outgoingOrderID;
        private String invitationID;
        private Boolean isBundle;
        private String bundleItemID;
        private JsonNode xp;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder productID(String productID) {
            this.productID = productID;
            return this;
        }

        public Builder quantity(Integer quantity) {
            this.quantity = quantity;
            return this;
        }

        public Builder dateAdded(OffsetDateTime dateAdded) {
            this.dateAdded = dateAdded;
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

        public Builder promotionDiscount(BigDecimal promotionDiscount) {
            this.promotionDiscount = promotionDiscount;
            return this;
        }

        public Builder lineTotal(BigDecimal lineTotal) {
            this.lineTotal = lineTotal;
            return this;
        }

        public Builder lineSubtotal(BigDecimal lineSubtotal) {
            this.lineSubtotal = lineSubtotal;
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

        public Builder shippingAccount(String shippingAccount) {
            this.shippingAccount = shippingAccount;
            return this;
        }

        public Builder shippingAddressID(String shippingAddressID) {
            this.shippingAddressID = shippingAddressID;
            return this;
        }

        public Builder shipFromAddressID(String shipFromAddressID) {
            this.shipFromAddressID = shipFromAddressID;
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

        public Builder shippingAddress(Address shippingAddress) {
            this.shippingAddress = shippingAddress;
            return this;
        }

        public Builder shipFromAddress(Address shipFromAddress) {
            this.shipFromAddress = shipFromAddress;
            return this;
        }

        public Builder supplierID(String supplierID) {
            this.supplierID = supplierID;
            return this;
        }

        public Builder inventoryRecordID(String inventoryRecordID) {
            this.inventoryRecordID = inventoryRecordID;
            return this;
        }

        public Builder priceScheduleID(String priceScheduleID) {
            this.priceScheduleID = priceScheduleID;
            return this;
        }

        public Builder isOnSale(Boolean isOnSale) {
            this.isOnSale = isOnSale;
            return this;
        }

        public Builder priceOverridden(Boolean priceOverridden) {
            this.priceOverridden = priceOverridden;
            return this;
        }

        public Builder specs(List<LineItemSpec> specs) {
            this.specs = specs;
            return this;
        }

        public Builder incomingOrderID(String incomingOrderID) {
            this.incomingOrderID = incomingOrderID;
            return this;
        }

        public Builder outgoingOrderID(String outgoingOrderID) {
            this.outgoingOrderID = outgoingOrderID;
            return this;
        }

        public Builder invitationID(String invitationID) {
            this.invitationID = invitationID;
            return this;
        }

        public Builder isBundle(Boolean isBundle) {
            this.isBundle = isBundle;
            return this;
        }

        public Builder bundleItemID(String bundleItemID) {
            this.bundleItemID = bundleItemID;
            return this;
        }

        public Builder xp(JsonNode xp) {
            this.xp = xp;
            return this;
        }

        public LineItem build() {
            return new LineItem(id, productID, quantity, dateAdded, quantityShipped, unitPrice, promotionDiscount, lineTotal, lineSubtotal, costCenter, dateNeeded, shippingAccount, shippingAddressID, shipFromAddressID, product, variant, shippingAddress, shipFromAddress, supplierID, inventoryRecordID, priceScheduleID, isOnSale, priceOverridden, specs, incomingOrderID, outgoingOrderID, invitationID, isBundle, bundleItemID, xp);
        }
    }
}
