package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Makes a buyer address usable for shipping and/or billing by a whole buyer, a user group or a user.
 */
public record AddressAssignment(
        @JsonProperty("AddressID") String addressID,
        @JsonProperty("UserID") String userID,
        @JsonProperty("UserGroupID") String userGroupID,
        @JsonProperty("IsShipping") Boolean isShipping,
        @JsonProperty("IsBilling") Boolean isBilling) {
}
