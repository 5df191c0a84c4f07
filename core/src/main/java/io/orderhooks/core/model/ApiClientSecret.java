package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/** One of an API client's additional secrets as listed ({@code v1/apiclients/{id}/secrets}); the secret itself is never shown again. */
public record ApiClientSecret(
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("Expiration") OffsetDateTime expiration) {
}
