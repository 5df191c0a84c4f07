package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Puts a user into a user group.
 */
public record UserGroupAssignment(
        @JsonProperty("UserGroupID") String userGroupID,
        @JsonProperty("UserID") String userID) {
}
