package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Makes an inventory record usable by a buyer or one of its user groups. */
public record InventoryRecordAssignment(
        @JsonProperty("InventoryRecordID") String inventoryRecordID,
        @JsonProperty("BuyerID") String buyerID,
        @JsonProperty("UserGroupID") String userGroupID) {
}
