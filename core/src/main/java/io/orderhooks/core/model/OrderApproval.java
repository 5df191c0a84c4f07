package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * One approval an order awaits or went through. {@code Status} is {@code Pending|Approved|Declined}.
 */
public record OrderApproval(
        @JsonProperty("AllowResubmit") Boolean allowResubmit,
        @JsonProperty("ApprovalRuleID") String approvalRuleID,
        @JsonProperty("ApprovingGroupID") String approvingGroupID,
        @JsonProperty("Status") String status,
        @JsonProperty("DateCreated") OffsetDateTime dateCreated,
        @JsonProperty("DateCompleted") OffsetDateTime dateCompleted,
        @JsonProperty("Approver") User approver,
        @JsonProperty("Comments") String comments) {

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.allowResubmit = allowResubmit;
        b.approvalRuleID = approvalRuleID;
        b.approvingGroupID = approvingGroupID;
        b.status = status;
        b.dateCreated = dateCreated;
        b.dateCompleted = dateCompleted;
        b.approver = approver;
        b.comments = comments;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private Boolean allowResubmit;
        private String approvalRuleID;
        private String approvingGroupID;
        private String status;
        private OffsetDateTime dateCreated;
        private OffsetDateTime dateCompleted;
        private User approver;
        private String comments;

        private Builder() {}

        public Builder allowResubmit(Boolean allowResubmit) {
            this.allowResubmit = allowResubmit;
            return this;
        }

        public Builder approvalRuleID(String approvalRuleID) {
            this.approvalRuleID = approvalRuleID;
            return this;
        }

        public Builder approvingGroupID(String approvingGroupID) {
            this.approvingGroupID = approvingGroupID;
            return this;
        }

        public Builder status(String status) {
            this.status = status;
            return this;
        }

        public Builder dateCreated(OffsetDateTime dateCreated) {
            this.dateCreated = dateCreated;
            return this;
        }

        public Builder dateCompleted(OffsetDateTime dateCompleted) {
            this.dateCompleted = dateCompleted;
            return this;
        }

        public Builder approver(User approver) {
            this.approver = approver;
            return this;
        }

        public Builder comments(String comments) {
            this.comments = comments;
            return this;
        }

        public OrderApproval build() {
            return new OrderApproval(allowResubmit, approvalRuleID, approvingGroupID, status, dateCreated, dateCompleted, approver, comments);
        }
    }
}
