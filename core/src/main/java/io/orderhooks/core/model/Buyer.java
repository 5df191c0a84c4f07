package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * A buyer organization.
 */
public record Buyer(
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("DefaultCatalogID") String defaultCatalogID,
        @JsonProperty("Active") Boolean active,
        @JsonProperty("DateCreated") OffsetDateTime dateCreated,
        @JsonProperty("xp") JsonNode xp) {
}
