package io.orderhooks.engine.internal.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Copies a user ({@code BuyerID}/{@code SupplierID} + {@code UserID}) on every {@code MessageType} notification sent
 * through a message sender assignment: the user's email joins the notification's {@code CCList}.
 */
public record MessageCCListenerAssignment(
        @JsonProperty("MessageSenderAssignment") MessageSenderAssignment messageSenderAssignment,
        @JsonProperty("MessageConfigName") String messageConfigName,
        @JsonProperty("MessageConfigDescription") String messageConfigDescription,
        @JsonProperty("MessageType") String messageType,
        @JsonProperty("BuyerID") String buyerID,
        @JsonProperty("SupplierID") String supplierID,
        @JsonProperty("UserGroupID") String userGroupID,
        @JsonProperty("UserID") String userID) {
}
