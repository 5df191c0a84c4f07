package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;

/**
 * A promotion an order qualifies for now ({@code GET .../eligiblepromotions}): the promotion's fields plus the
 * {@code Amount} it would take off the order as it stands. Serialization only.
 */
@JsonPropertyOrder({"Amount"})
public record EligiblePromotion(@JsonProperty("Amount") BigDecimal amount, @JsonUnwrapped Promotion promotion) {
}
