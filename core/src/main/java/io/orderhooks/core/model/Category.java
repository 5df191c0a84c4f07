package io.orderhooks.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A node of a catalog's category tree. */
public record Category(
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("Description") String description,
        @JsonProperty("ListOrder") Integer listOrder,
        @JsonProperty("Active") Boolean active,
        @JsonProperty("ParentID") String parentID,
        @JsonProperty("ChildCount") Integer childCount,
        @JsonProperty("xp") JsonNode xp) {
}
