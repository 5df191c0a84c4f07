package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A declared index on one {@code xp} key ({@code Key}, dotted for nested keys) of one kind of resource ({@code ThingType}). */
public record XpIndex(
        @JsonProperty("ThingType") String thingType,
        @JsonProperty("Key") String key) {
}
