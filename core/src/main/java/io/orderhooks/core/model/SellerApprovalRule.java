package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A marketplace-level approval rule ({@code v1/approvalrules}): it holds every buyer's order to its owner
 * while its expression is true, as a buyer's own {@link ApprovalRule} does for that buyer's orders.
 *
 * @param ownerID the company the rule belongs to; the marketplace owner (the engine's seller org) when absent
 * @param approvalType {@code Order} (holds orders at submit) or {@code OrderReturn} (holds order returns at submit)
 */
public record SellerApprovalRule(
        @JsonProperty("OwnerID") String ownerID,
        @JsonProperty("ApprovalType") String approvalType,
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("Description") String description,
        @JsonProperty("ApprovingGroupID") String approvingGroupID,
        @JsonProperty("RuleExpression") String ruleExpression,
        @JsonProperty("xp") JsonNode xp) {

    /** The rule as the {@code ApprovalPolicy} sees it. */
    public ApprovalRule asApprovalRule() {
        return new ApprovalRule(id, name, description, approvingGroupID, ruleExpression, xp);
    }

    /** A copy with another ID and owner. */
    public SellerApprovalRule with(String newID, String newOwnerID) {
        return new SellerApprovalRule(newOwnerID, approvalType, newID, name, description, approvingGroupID, ruleExpression, xp);
    }
}
