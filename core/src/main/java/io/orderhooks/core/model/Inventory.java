package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * Inventory tracking of a product. With {@code Enabled} and not {@code OrderCanExceed}, no line or submit may take more than {@code QuantityAvailable}.
 */
public record Inventory(
        @JsonProperty("Enabled") Boolean enabled,
        @JsonProperty("NotificationPoint") Integer notificationPoint,
        @JsonProperty("VariantLevelTracking") Boolean variantLevelTracking,
        @JsonProperty("OrderCanExceed") Boolean orderCanExceed,
        @JsonProperty("QuantityAvailable") Integer quantityAvailable,
        @JsonProperty("LastUpdated") OffsetDateTime lastUpdated) {
}
