package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An order (a cart while `Unsubmitted`). Totals and dates are read-only: the platform computes them.
 *
 * <p>{@code Total = Subtotal + TaxCost + ShippingCost + Gratuity + Fees - PromotionDiscount}. The three
 * shared-cart fields are orderhooks extensions, left out of the JSON while null so an OrderCloud
 * order round-trips unchanged.
 */
public record Order(
        @JsonProperty("ID") String id,
        @JsonProperty("FromUser") User fromUser,
        @JsonProperty("BillingAddress") Address billingAddress,
        @JsonProperty("ShippingAddressID") String shippingAddressID,
        @JsonProperty("BillingAddressID") String billingAddressID,
        @JsonProperty("FromCompanyID") String fromCompanyID,
        @JsonProperty("ToCompanyID") String toCompanyID,
        @JsonProperty("FromUserID") String fromUserID,
        @JsonProperty("Comments") String comments,
        @JsonProperty("LineItemCount") Integer lineItemCount,
        @JsonProperty("Status") OrderStatus status,
        @JsonProperty("DateCreated") OffsetDateTime dateCreated,
        @JsonProperty("DateSubmitted") OffsetDateTime dateSubmitted,
        @JsonProperty("DateApproved") OffsetDateTime dateApproved,
        @JsonProperty("DateDeclined") OffsetDateTime dateDeclined,
        @JsonProperty("DateCanceled") OffsetDateTime dateCanceled,
        @JsonProperty("DateCompleted") OffsetDateTime dateCompleted,
        @JsonProperty("LastUpdated") OffsetDateTime lastUpdated,
        @JsonProperty("Subtotal") BigDecimal subtotal,
        @JsonProperty("ShippingCost") BigDecimal shippingCost,
        @JsonProperty("TaxCost") BigDecimal taxCost,
        @JsonProperty("Gratuity") BigDecimal gratuity,
        @JsonProperty("Fees") BigDecimal fees,
        @JsonProperty("PromotionDiscount") BigDecimal promotionDiscount,
        @JsonProperty("Currency") String currency,
        @JsonProperty("Total") BigDecimal total,
        @JsonProperty("IsSubmitted") Boolean isSubmitted,
        @JsonProperty("SubscriptionID") String subscriptionID,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("SharedWithOrganization") Boolean sharedWithOrganization,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("LastModifierID") String lastModifierID,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("SubmittedBy") String submittedBy,
        @JsonProperty("xp") JsonNode xp) {

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.fromUser = fromUser;
        b.billingAddress = billingAddress;
        b.shippingAddressID = shippingAddressID;
        b.billingAddressID = billingAddressID;
        b.fromCompanyID = fromCompanyID;
        b.toCompanyID = toCompanyID;
        b.fromUserID = fromUserID;
        b.comments = comments;
        b.lineItemCount = lineItemCount;
        b.status = status;
        b.dateCreated = dateCreated;
        b.dateSubmitted = dateSubmitted;
        b.dateApproved = dateApproved;
        b.dateDeclined = dateDeclined;
        b.dateCanceled = dateCanceled;
        b.dateCompleted = dateCompleted;
        b.lastUpdated = lastUpdated;
        b.subtotal = subtotal;
        b.shippingCost = shippingCost;
        b.taxCost = taxCost;
        b.gratuity = gratuity;
        b.fees = fees;
        b.promotionDiscount = promotionDiscount;
        b.currency = currency;
        b.total = total;
        b.isSubmitted = isSubmitted;
        b.subscriptionID = subscriptionID;
        b.sharedWithOrganization = sharedWithOrganization;
        b.lastModifierID = lastModifierID;
        b.submittedBy = submittedBy;
        b.xp = xp;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String id;
        private User fromUser;
        private Address billingAddress;
        private String shippingAddressID;
        private String billingAddressID;
        private String fromCompanyID;
        private String toCompanyID;
        private String fromUserID;
        private String comments;
        private Integer lineItemCount;
        private OrderStatus status;
        private OffsetDateTime dateCreated;
        private OffsetDateTime dateSubmitted;
        private OffsetDateTime dateApproved;
        private OffsetDateTime dateDeclined;
        private OffsetDateTime dateCanceled;
        private OffsetDateTime dateCompleted;
        private OffsetDateTime lastUpdated;
        private BigDecimal subtotal;
        private BigDecimal shippingCost;
        private BigDecimal taxCost;
        private BigDecimal gratuity;
        private BigDecimal fees;
        private BigDecimal promotionDiscount;
        private String currency;
        private BigDecimal total;
        private Boolean isSubmitted;
        private String subscriptionID;
        private Boolean sharedWithOrganization;
        private String lastModifierID;
        private String submittedBy;
        private JsonNode xp;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder fromUser(User fromUser) {
            this.fromUser = fromUser;
            return this;
        }

        public Builder billingAddress(Address billingAddress) {
            this.billingAddress = billingAddress;
            return this;
        }

        public Builder shippingAddressID(String shippingAddressID) {
            this.shippingAddressID = shippingAddressID;
            return this;
        }

        public Builder billingAddressID(String billingAddressID) {
            this.billingAddressID = billingAddressID;
            return this;
        }

        public Builder fromCompanyID(String fromCompanyID) {
            this.fromCompanyID = fromCompanyID;
            return this;
        }

        public Builder toCompanyID(String toCompanyID) {
            this.toCompanyID = toCompanyID;
            return this;
        }

        public Builder fromUserID(String fromUserID) {
            this.fromUserID = fromUserID;
            return this;
        }

        public Builder comments(String comments) {
            this.comments = comments;
            return this;
        }

        public Builder lineItemCount(Integer lineItemCount) {
            this.lineItemCount = lineItemCount;
            return this;
        }

        public Builder status(OrderStatus status) {
            this.status = status;
            return this;
        }

        public Builder dateCreated(OffsetDateTime dateCreated) {
            this.dateCreated = dateCreated;
            return this;
        }

        public Builder dateSubmitted(OffsetDateTime dateSubmitted) {
            this.dateSubmitted = dateSubmitted;
            return this;
        }

        public Builder dateApproved(OffsetDateTime dateApproved) {
            this.dateApproved = dateApproved;
            return this;
        }

        public Builder dateDeclined(OffsetDateTime dateDeclined) {
            this.dateDeclined = dateDeclined;
            return this;
        }

        public Builder dateCanceled(OffsetDateTime dateCanceled) {
            this.dateCanceled = dateCanceled;
            return this;
        }

        public Builder dateCompleted(OffsetDateTime dateCompleted) {
            this.dateCompleted = dateCompleted;
            return this;
        }

        public Builder lastUpdated(OffsetDateTime lastUpdated) {
            this.lastUpdated = lastUpdated;
            return this;
        }

        public Builder subtotal(BigDecimal subtotal) {
            this.subtotal = subtotal;
            return this;
        }

        public Builder shippingCost(BigDecimal shippingCost) {
            this.shippingCost = shippingCost;
            return this;
        }

        public Builder taxCost(BigDecimal taxCost) {
            this.taxCost = taxCost;
            return this;
        }

        public Builder gratuity(BigDecimal gratuity) {
            this.gratuity = gratuity;
            return this;
        }

        public Builder fees(BigDecimal fees) {
            this.fees = fees;
            return this;
        }

        public Builder promotionDiscount(BigDecimal promotionDiscount) {
            this.promotionDiscount = promotionDiscount;
            return this;
        }

        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        public Builder total(BigDecimal total) {
            this.total = total;
            return this;
        }

        public Builder isSubmitted(Boolean isSubmitted) {
            this.isSubmitted = isSubmitted;
            return this;
        }

        public Builder subscriptionID(String subscriptionID) {
            this.subscriptionID = subscriptionID;
            return this;
        }

        public Builder sharedWithOrganization(Boolean sharedWithOrganization) {
            this.sharedWithOrganization = sharedWithOrganization;
            return this;
        }

        public Builder lastModifierID(String lastModifierID) {
            this.lastModifierID = lastModifierID;
            return this;
        }

        public Builder submittedBy(String submittedBy) {
            this.submittedBy = submittedBy;
            return this;
        }

        public Builder xp(JsonNode xp) {
            this.xp = xp;
            return this;
        }

        public Order build() {
            return new Order(id, fromUser, billingAddress, shippingAddressID, billingAddressID, fromCompanyID, toCompanyID, fromUserID, comments, lineItemCount, status, dateCreated, dateSubmitted, dateApproved, dateDeclined, dateCanceled, dateCompleted, lastUpdated, subtotal, shippingCost, taxCost, gratuity, fees, promotionDiscount, currency, total, isSubmitted, subscriptionID, sharedWithOrganization, lastModifierID, submittedBy, xp);
        }
    }
}
