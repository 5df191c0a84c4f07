package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A named counter whose next value replaces {ID} in the IDs of new resources. */
public record Incrementor(
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("LastNumber") Integer lastNumber,
        @JsonProperty("LeftPaddingCount") Integer leftPaddingCount) {
}
