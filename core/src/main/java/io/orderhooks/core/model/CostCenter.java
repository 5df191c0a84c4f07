package io.orderhooks.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A buyer's accounting code that line items may be charged to. */
public record CostCenter(
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("Description") String description,
        @JsonProperty("xp") JsonNode xp) {
}
