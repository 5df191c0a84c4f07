package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/** Stock of one variant (used when the product's Inventory has VariantLevelTracking). */
public record VariantInventory(
        @JsonProperty("QuantityAvailable") Integer quantityAvailable,
        @JsonProperty("NotificationPoint") Integer notificationPoint,
        @JsonProperty("LastUpdated") OffsetDateTime lastUpdated) {
}
