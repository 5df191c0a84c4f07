package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A rule that holds a buyer's order for approval by a user group while its expression is true.
 */
public record ApprovalRule(
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("Description") String description,
        @JsonProperty("ApprovingGroupID") String approvingGroupID,
        @JsonProperty("RuleExpression") String ruleExpression,
        @JsonProperty("xp") JsonNode xp) {
}
