package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Makes a credit card usable by a user or the users of a user group. */
public record CreditCardAssignment(
        @JsonProperty("CreditCardID") String creditCardID,
        @JsonProperty("UserID") String userID,
        @JsonProperty("UserGroupID") String userGroupID) {
}
