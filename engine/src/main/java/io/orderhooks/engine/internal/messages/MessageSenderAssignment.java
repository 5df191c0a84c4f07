package io.orderhooks.engine.internal.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Assigns a message sender to a buyer or supplier, or to one user group of it ({@code UserGroupID}): the sender then
 * notifies that company's (group's) users. {@code MessageConfigName}/{@code Description} are read-only, filled from
 * the sender.
 */
public record MessageSenderAssignment(
        @JsonProperty("MessageSenderID") String messageSenderID,
        @JsonProperty("BuyerID") String buyerID,
        @JsonProperty("SupplierID") String supplierID,
        @JsonProperty("UserGroupID") String userGroupID,
        @JsonProperty("MessageConfigName") String messageConfigName,
        @JsonProperty("MessageConfigDescription") String messageConfigDescription) {

    /** The buyer or supplier the assignment names. */
    String companyID() {
        return buyerID != null ? buyerID : supplierID;
    }

    MessageSenderAssignment describedBy(MessageSenderResource sender) {
        return new MessageSenderAssignment(messageSenderID, buyerID, supplierID, userGroupID, sender.name(),
                sender.description());
    }
}
