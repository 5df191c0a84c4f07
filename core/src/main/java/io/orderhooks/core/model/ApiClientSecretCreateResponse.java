package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/** The answer to creating an API client secret: the only time {@code ClientSecret} is shown. */
public record ApiClientSecretCreateResponse(
        @JsonProperty("ClientSecret") String clientSecret,
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("Expiration") OffsetDateTime expiration) {
}
