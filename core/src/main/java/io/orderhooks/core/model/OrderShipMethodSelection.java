package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code POST .../shipmethods}.
 */
public record OrderShipMethodSelection(
        @JsonProperty("ShipMethodSelections") List<ShipMethodSelection> shipMethodSelections) {
}
