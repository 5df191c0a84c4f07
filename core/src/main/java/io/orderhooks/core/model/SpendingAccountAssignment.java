package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Makes a spending account usable by a whole buyer, a user group or a user.
 */
public record SpendingAccountAssignment(
        @JsonProperty("SpendingAccountID") String spendingAccountID,
        @JsonProperty("UserID") String userID,
        @JsonProperty("UserGroupID") String userGroupID,
        @JsonProperty("AllowExceed") Boolean allowExceed) {
}
