package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A client application (channel). {@code OrderCheckoutIntegrationEventID} makes orders placed through it go through the checkout integration.
 */
public record ApiClient(
        @JsonProperty("ID") String id,
        @JsonProperty("ClientSecret") String clientSecret,
        @JsonProperty("AccessTokenDuration") Integer accessTokenDuration,
        @JsonProperty("Active") Boolean active,
        @JsonProperty("AppName") String appName,
        @JsonProperty("RefreshTokenDuration") Integer refreshTokenDuration,
        @JsonProperty("AnonymousTokenDuration") Integer anonymousTokenDuration,
        @JsonProperty("DefaultContextUserName") String defaultContextUserName,
        @JsonProperty("xp") JsonNode xp,
        @JsonProperty("AllowAnyBuyer") Boolean allowAnyBuyer,
        @JsonProperty("AllowAnySupplier") Boolean allowAnySupplier,
        @JsonProperty("AllowSeller") Boolean allowSeller,
        @JsonProperty("IsAnonBuyer") Boolean isAnonBuyer,
        @JsonProperty("AssignedBuyerCount") Integer assignedBuyerCount,
        @JsonProperty("AssignedSupplierCount") Integer assignedSupplierCount,
        @JsonProperty("OrderCheckoutIntegrationEventID") String orderCheckoutIntegrationEventID,
        @JsonProperty("OrderCheckoutIntegrationEventName") String orderCheckoutIntegrationEventName,
        @JsonProperty("OrderReturnIntegrationEventID") String orderReturnIntegrationEventID,
        @JsonProperty("OrderReturnIntegrationEventName") String orderReturnIntegrationEventName,
        @JsonProperty("AddToCartIntegrationEventID") String addToCartIntegrationEventID,
        @JsonProperty("AddToCartIntegrationEventName") String addToCartIntegrationEventName,
        @JsonProperty("MinimumRequiredRoles") List<String> minimumRequiredRoles,
        @JsonProperty("MinimumRequiredCustomRoles") List<String> minimumRequiredCustomRoles,
        @JsonProperty("MaximumGrantedRoles") List<String> maximumGrantedRoles,
        @JsonProperty("MaximumGrantedCustomRoles") List<String> maximumGrantedCustomRoles) {

    /** OrderCloud's AccessTokenDuration defaults to 600 minutes and Active to true, as the engine applies them; the rest to false/0. */
    public ApiClient {
        accessTokenDuration = accessTokenDuration == null ? Integer.valueOf(600) : accessTokenDuration;
        active = active == null ? Boolean.TRUE : active;
        refreshTokenDuration = WireDefaults.zero(refreshTokenDuration);
        anonymousTokenDuration = WireDefaults.zero(anonymousTokenDuration);
        allowAnyBuyer = WireDefaults.no(allowAnyBuyer);
        allowAnySupplier = WireDefaults.no(allowAnySupplier);
        allowSeller = WireDefaults.no(allowSeller);
        isAnonBuyer = WireDefaults.no(isAnonBuyer);
        assignedBuyerCount = WireDefaults.zero(assignedBuyerCount);
        assignedSupplierCount = WireDefaults.zero(assignedSupplierCount);
    }

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.clientSecret = clientSecret;
        b.accessTokenDuration = accessTokenDuration;
        b.active = active;
        b.appName = appName;
        b.refreshTokenDuration = refreshTokenDuration;
        b.anonymousTokenDuration = anonymousTokenDuration;
        b.defaultContextUserName = defaultContextUserName;
        b.xp = xp;
        b.allowAnyBuyer = allowAnyBuyer;
        b.allowAnySupplier = allowAnySupplier;
        b.allowSeller = allowSeller;
        b.isAnonBuyer = isAnonBuyer;
        b.assignedBuyerCount = assignedBuyerCount;
        b.assignedSupplierCount = assignedSupplierCount;
        b.orderCheckoutIntegrationEventID = orderCheckoutIntegrationEventID;
        b.orderCheckoutIntegrationEventName = orderCheckoutIntegrationEventName;
        b.orderReturnIntegrationEventID = orderReturnIntegrationEventID;
        b.orderReturnIntegrationEventName = orderReturnIntegrationEventName;
        b.addToCartIntegrationEventID = addToCartIntegrationEventID;
        b.addToCartIntegrationEventName = addToCartIntegrationEventName;
        b.minimumRequiredRoles = minimumRequiredRoles;
        b.minimumRequiredCustomRoles = minimumRequiredCustomRoles;
        b.maximumGrantedRoles = maximumGrantedRoles;
        b.maximumGrantedCustomRoles = maximumGrantedCustomRoles;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String id;
        private String clientSecret;
        private Integer accessTokenDuration;
        private Boolean active;
        private String appName;
        private Integer refreshTokenDuration;
        private Integer anonymousTokenDuration;
        private String defaultContextUserName;
        private JsonNode xp;
        private Boolean allowAnyBuyer;
        private Boolean allowAnySupplier;
        private Boolean allowSeller;
        private Boolean isAnonBuyer;
        private Integer assignedBuyerCount;
        private Integer assignedSupplierCount;
        private String orderCheckoutIntegrationEventID;
        private String orderCheckoutIntegrationEventName;
        private String orderReturnIntegrationEventID;
        private String orderReturnIntegrationEventName;
        private String addToCartIntegrationEventID;
        private String addToCartIntegrationEventName;
        private List<String> minimumRequiredRoles;
        private List<String> minimumRequiredCustomRoles;
        private List<String> maximumGrantedRoles;
        private List<String> maximumGrantedCustomRoles;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        public Builder accessTokenDuration(Integer accessTokenDuration) {
            this.accessTokenDuration = accessTokenDuration;
            return this;
        }

        public Builder active(Boolean active) {
            this.active = active;
            return this;
        }

        public Builder appName(String appName) {
            this.appName = appName;
            return this;
        }

        public Builder refreshTokenDuration(Integer refreshTokenDuration) {
            this.refreshTokenDuration = refreshTokenDuration;
            return this;
        }

        public Builder anonymousTokenDuration(Integer anonymousTokenDuration) {
            this.anonymousTokenDuration = anonymousTokenDuration;
            return this;
        }

        public Builder defaultContextUserName(String defaultContextUserName) {
            this.defaultContextUserName = defaultContextUserName;
            return this;
        }

        public Builder xp(JsonNode xp) {
            this.xp = xp;
            return this;
        }

        public Builder allowAnyBuyer(Boolean allowAnyBuyer) {
            this.allowAnyBuyer = allowAnyBuyer;
            return this;
        }

        public Builder allowAnySupplier(Boolean allowAnySupplier) {
            this.allowAnySupplier = allowAnySupplier;
            return this;
        }

        public Builder allowSeller(Boolean allowSeller) {
            this.allowSeller = allowSeller;
            return this;
        }

        public Builder isAnonBuyer(Boolean isAnonBuyer) {
            this.isAnonBuyer = isAnonBuyer;
            return this;
        }

        public Builder assignedBuyerCount(Integer assignedBuyerCount) {
            this.assignedBuyerCount = assignedBuyerCount;
            return this;
        }

        public Builder assignedSupplierCount(Integer assignedSupplierCount) {
            this.assignedSupplierCount = assignedSupplierCount;
            return this;
        }

        public Builder orderCheckoutIntegrationEventID(String orderCheckoutIntegrationEventID) {
            this.orderCheckoutIntegrationEventID = orderCheckoutIntegrationEventID;
            return this;
        }

        public Builder orderCheckoutIntegrationEventName(String orderCheckoutIntegrationEventName) {
            this.orderCheckoutIntegrationEventName = orderCheckoutIntegrationEventName;
            return this;
        }

        public Builder orderReturnIntegrationEventID(String orderReturnIntegrationEventID) {
            this.orderReturnIntegrationEventID = orderReturnIntegrationEventID;
            return this;
        }

        public Builder orderReturnIntegrationEventName(String orderReturnIntegrationEventName) {
            this.orderReturnIntegrationEventName = orderReturnIntegrationEventName;
            return this;
        }

        public Builder addToCartIntegrationEventID(String addToCartIntegrationEventID) {
            this.addToCartIntegrationEventID = addToCartIntegrationEventID;
            return this;
        }

        public Builder addToCartIntegrationEventName(String addToCartIntegrationEventName) {
            this.addToCartIntegrationEventName = addToCartIntegrationEventName;
            return this;
        }

        public Builder minimumRequiredRoles(List<String> minimumRequiredRoles) {
            this.minimumRequiredRoles = minimumRequiredRoles;
            return this;
        }

        public Builder minimumRequiredCustomRoles(List<String> minimumRequiredCustomRoles) {
            this.minimumRequiredCustomRoles = minimumRequiredCustomRoles;
            return this;
        }

        public Builder maximumGrantedRoles(List<String> maximumGrantedRoles) {
            this.maximumGrantedRoles = maximumGrantedRoles;
            return this;
        }

        public Builder maximumGrantedCustomRoles(List<String> maximumGrantedCustomRoles) {
            this.maximumGrantedCustomRoles = maximumGrantedCustomRoles;
            return this;
        }

        public ApiClient build() {
            return new ApiClient(id, clientSecret, accessTokenDuration, active, appName, refreshTokenDuration, anonymousTokenDuration, defaultContextUserName, xp, allowAnyBuyer, allowAnySupplier, allowSeller, isAnonBuyer, assignedBuyerCount, assignedSupplierCount, orderCheckoutIntegrationEventID, orderCheckoutIntegrationEventName, orderReturnIntegrationEventID, orderReturnIntegrationEventName, addToCartIntegrationEventID, addToCartIntegrationEventName, minimumRequiredRoles, minimumRequiredCustomRoles, maximumGrantedRoles, maximumGrantedCustomRoles);
        }
    }
}
