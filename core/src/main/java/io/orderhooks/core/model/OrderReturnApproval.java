package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * One approval an order return awaits or went through ({@code v1/orderreturns/{id}/approvals}).
 * {@code Status} is {@code Pending|Approved|Declined}.
 */
public record OrderReturnApproval(
        @JsonProperty("OrderReturnID") String orderReturnID,
        @JsonProperty("ApprovalRuleID") String approvalRuleID,
        @JsonProperty("ApprovingGroupID") String approvingGroupID,
        @JsonProperty("Status") String status,
        @JsonProperty("DateCreated") OffsetDateTime dateCreated,
        @JsonProperty("DateCompleted") OffsetDateTime dateCompleted,
        @JsonProperty("Approver") User approver,
        @JsonProperty("Comments") String comments) {

    /** A copy closed with {@code newStatus} by {@code by}. */
    public OrderReturnApproval closed(String newStatus, OffsetDateTime at, User by, String note) {
        return new OrderReturnApproval(orderReturnID, approvalRuleID, approvingGroupID, newStatus, dateCreated, at, by, note);
    }

    /** The same approval in the order-approval shape the {@code ApprovalPolicy} reads. */
    public OrderApproval asOrderApproval() {
        return new OrderApproval(false, approvalRuleID, approvingGroupID, status, dateCreated, dateCompleted, approver, comments);
    }
}
