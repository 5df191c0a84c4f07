package io.orderhooks.core.api.resources;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.model.Inventory;
import io.orderhooks.core.model.PriceSchedule;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The flat JSON shape of a listed collection entry (a product plus {@code ListOrder}, {@code DateAdded} and, for
 * shoppers, {@code PriceSchedule}): only describes which properties a list query may filter, search and sort on.
 * Never instantiated.
 */
record ProductCollectionEntryShape(
        @JsonProperty("ListOrder") Integer listOrder,
        @JsonProperty("DateAdded") OffsetDateTime dateAdded,
        @JsonProperty("PriceSchedule") PriceSchedule priceSchedule,
        @JsonProperty("OwnerID") String ownerID,
        @JsonProperty("DefaultPriceScheduleID") String defaultPriceScheduleID,
        @JsonProperty("AutoForward") Boolean autoForward,
        @JsonProperty("ID") String id,
        @JsonProperty("ParentID") String parentID,
        @JsonProperty("IsParent") Boolean isParent,
        @JsonProperty("IsBundle") Boolean isBundle,
        @JsonProperty("Name") String name,
        @JsonProperty("Description") String description,
        @JsonProperty("QuantityMultiplier") Integer quantityMultiplier,
        @JsonProperty("ShipWeight") BigDecimal shipWeight,
        @JsonProperty("ShipHeight") BigDecimal shipHeight,
        @JsonProperty("ShipWidth") BigDecimal shipWidth,
        @JsonProperty("ShipLength") BigDecimal shipLength,
        @JsonProperty("Active") Boolean active,
        @JsonProperty("SpecCount") Integer specCount,
        @JsonProperty("VariantCount") Integer variantCount,
        @JsonProperty("ShipFromAddressID") String shipFromAddressID,
        @JsonProperty("Inventory") Inventory inventory,
        @JsonProperty("DefaultSupplierID") String defaultSupplierID,
        @JsonProperty("AllSuppliersCanSell") Boolean allSuppliersCanSell,
        @JsonProperty("Returnable") Boolean returnable,
        @JsonProperty("xp") JsonNode xp) {
}
