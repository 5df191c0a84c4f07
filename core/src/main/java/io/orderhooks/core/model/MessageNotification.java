package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The body of a message event (OrderCloud's custom message sender shape): one per recipient. {@code EventBody}
 * depends on {@code MessageType}; {@code ConfigData} is the subscribed webhook's; {@code UserToken} is null
 * (the engine issues no token for message delivery).
 */
public record MessageNotification(
        @JsonProperty("Environment") String environment,
        @JsonProperty("BuyerID") String buyerID,
        @JsonProperty("SupplierID") String supplierID,
        @JsonProperty("UserToken") String userToken,
        @JsonProperty("Recipient") User recipient,
        @JsonProperty("MessageType") String messageType,
        @JsonProperty("CCList") List<String> ccList,
        @JsonProperty("EventBody") JsonNode eventBody,
        @JsonProperty("ConfigData") JsonNode configData) {
}
