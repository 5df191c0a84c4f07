package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * Grants one registered user of the owner's buyer access to a product collection once accepted. {@code ID} and
 * {@code Accepted} are read-only (generated; set by accepting); {@code Admin} lets the invitee add and remove
 * entries; {@code xp} is free display data the engine never validates.
 */
public record ProductCollectionInvitation(
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("Admin") Boolean admin,
        @JsonProperty("Accepted") Boolean accepted,
        @JsonProperty("ExpirationDate") OffsetDateTime expirationDate,
        @JsonProperty("xp") JsonNode xp) {
}
