package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Assigns a security profile. No IDs = the seller (every marketplace-owner user); {@code BuyerID} or
 * {@code SupplierID} alone = every user of that company; with {@code UserGroupID} = the group's members;
 * with {@code UserID} = that user. {@code UserID}/{@code UserGroupID} without a company are seller users
 * and groups.
 */
public record SecurityProfileAssignment(
        @JsonProperty("SecurityProfileID") String securityProfileID,
        @JsonProperty("BuyerID") String buyerID,
        @JsonProperty("SupplierID") String supplierID,
        @JsonProperty("UserID") String userID,
        @JsonProperty("UserGroupID") String userGroupID) {
}
