package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A buyer user's list of products. {@code AccessLevel} is {@code Private} (default), {@code Public} (listed for
 * every user of the owner's buyer, anonymous included) or {@code Shareable} (readable by ID by those users).
 * The owner is not on the wire model; the engine keeps it.
 */
public record ProductCollection(
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("xp") JsonNode xp,
        @JsonProperty("AccessLevel") String accessLevel) {
}
