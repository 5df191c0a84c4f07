package io.orderhooks.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/** Stock of a product (or variant) at one address; buyers use it when AllowAllBuyers or assigned. */
public record InventoryRecord(
        @JsonProperty("ID") String id,
        @JsonProperty("OwnerID") String ownerID,
        @JsonProperty("AllowAllBuyers") Boolean allowAllBuyers,
        @JsonProperty("Address") Address address,
        @JsonProperty("AddressID") String addressID,
        @JsonProperty("OrderCanExceed") Boolean orderCanExceed,
        @JsonProperty("QuantityAvailable") Integer quantityAvailable,
        @JsonProperty("NotificationPoint") Integer notificationPoint,
        @JsonProperty("LastUpdated") OffsetDateTime lastUpdated,
        @JsonProperty("xp") JsonNode xp) {
}
