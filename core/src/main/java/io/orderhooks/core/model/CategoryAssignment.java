package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Makes a category visible to a buyer or one of its user groups. */
public record CategoryAssignment(
        @JsonProperty("CategoryID") String categoryID,
        @JsonProperty("BuyerID") String buyerID,
        @JsonProperty("UserGroupID") String userGroupID,
        @JsonProperty("Visible") Boolean visible,
        @JsonProperty("ViewAllProducts") Boolean viewAllProducts) {
}
