package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Makes a product visible to a buyer or one of its user groups, optionally with its own price schedule.
 */
public record ProductAssignment(
        @JsonProperty("SellerID") String sellerID,
        @JsonProperty("ProductID") String productID,
        @JsonProperty("BuyerID") String buyerID,
        @JsonProperty("UserGroupID") String userGroupID,
        @JsonProperty("PriceScheduleID") String priceScheduleID) {
}
