package io.orderhooks.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/** A saved payment card: the processor's token and display fields only, never a card number. */
public record CreditCard(
        @JsonProperty("ID") String id,
        @JsonProperty("Token") String token,
        @JsonProperty("DateCreated") OffsetDateTime dateCreated,
        @JsonProperty("CardType") String cardType,
        @JsonProperty("PartialAccountNumber") String partialAccountNumber,
        @JsonProperty("CardholderName") String cardholderName,
        @JsonProperty("ExpirationDate") OffsetDateTime expirationDate,
        @JsonProperty("xp") JsonNode xp) {
}
