package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Makes a promotion available to a buyer or one of its user groups.
 */
public record PromotionAssignment(
        @JsonProperty("PromotionID") String promotionID,
        @JsonProperty("BuyerID") String buyerID,
        @JsonProperty("UserGroupID") String userGroupID) {
}
