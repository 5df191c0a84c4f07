package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * One way to ship an estimate: its cost and transit time.
 */
public record ShipMethod(
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("Cost") BigDecimal cost,
        @JsonProperty("EstimatedTransitDays") Integer estimatedTransitDays,
        @JsonProperty("xp") JsonNode xp) {
}
