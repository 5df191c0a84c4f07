package io.orderhooks.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/** A credit card as its buyer user sees it; Editable when the user saved it through v1/me/creditcards. */
public record BuyerCreditCard(
        @JsonProperty("ID") String id,
        @JsonProperty("Editable") Boolean editable,
        @JsonProperty("Token") String token,
        @JsonProperty("DateCreated") OffsetDateTime dateCreated,
        @JsonProperty("CardType") String cardType,
        @JsonProperty("PartialAccountNumber") String partialAccountNumber,
        @JsonProperty("CardholderName") String cardholderName,
        @JsonProperty("ExpirationDate") OffsetDateTime expirationDate,
        @JsonProperty("xp") JsonNode xp) {
}
