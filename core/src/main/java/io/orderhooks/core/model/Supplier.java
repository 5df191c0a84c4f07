package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * A supplier organization that fulfils forwarded orders.
 */
public record Supplier(
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("Active") Boolean active,
        @JsonProperty("DateCreated") OffsetDateTime dateCreated,
        @JsonProperty("AllBuyersCanOrder") Boolean allBuyersCanOrder,
        @JsonProperty("xp") JsonNode xp) {

    /** OrderCloud's plain bool/int fields default to false/0 on the wire, never null. */
    public Supplier {
        allBuyersCanOrder = WireDefaults.no(allBuyersCanOrder);
    }
}
