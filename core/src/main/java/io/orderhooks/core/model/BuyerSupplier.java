package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A seller a buyer can order from: the marketplace owner or a supplier ({@code GET v1/me/sellers},
 * {@code GET v1/buyers/{buyerID}/sellers}).
 */
public record BuyerSupplier(@JsonProperty("ID") String id, @JsonProperty("Name") String name) {
}
