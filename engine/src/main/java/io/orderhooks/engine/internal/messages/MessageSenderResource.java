package io.orderhooks.engine.internal.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A message sender ({@code v1/messagesenders}): which built-in notifications ({@code MessageTypes}) are POSTed to
 * {@code URL} as a {@code MessageNotification}, signed ({@code X-oc-hash}) with {@code SharedKey}. {@code URL} and
 * {@code SharedKey} are the fields OrderCloud's message senders had before delivery configurations; SDK 12 also
 * declares {@code DeliveryConfigID}, which the engine stores but does not resolve (delivery configurations are not
 * implemented). {@code SharedKey} is write-only: it is never returned. {@code xp} is sent as {@code ConfigData}.
 */
public record MessageSenderResource(
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("MessageTypes") List<String> messageTypes,
        @JsonProperty("Description") String description,
        @JsonProperty("ElevatedRoles") List<String> elevatedRoles,
        @JsonProperty("xp") JsonNode xp,
        @JsonProperty("DeliveryConfigID") String deliveryConfigID,
        @JsonProperty("AllowAllBuyers") Boolean allowAllBuyers,
        @JsonProperty("URL") String url,
        @JsonProperty("SharedKey") String sharedKey) {

    /** A copy safe to return: the write-only {@code SharedKey} removed. */
    public MessageSenderResource redacted() {
        return new MessageSenderResource(id, name, messageTypes, description, elevatedRoles, xp, deliveryConfigID,
                allowAllBuyers, url, null);
    }

    /** This sender with {@code id}, keeping {@code previousKey} when no new {@code SharedKey} is given. */
    MessageSenderResource stored(String newID, String previousKey) {
        return new MessageSenderResource(newID, name, messageTypes == null ? List.of() : List.copyOf(messageTypes),
                description, elevatedRoles, xp, deliveryConfigID, Boolean.TRUE.equals(allowAllBuyers), url,
                sharedKey != null ? sharedKey : previousKey);
    }
}
