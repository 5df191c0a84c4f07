package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Makes a cost center usable by the users of a buyer user group. */
public record CostCenterAssignment(
        @JsonProperty("CostCenterID") String costCenterID,
        @JsonProperty("UserGroupID") String userGroupID) {
}
