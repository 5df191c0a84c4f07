package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * A change the calculate integration makes to one line: a unit price, promotion amounts, or removal.
 *
 * <p>{@code Product} is a partial ad-hoc product kept as free JSON (it updates ad-hoc products only).
 */
public record LineItemOverride(
        @JsonProperty("LineItemID") String lineItemID,
        @JsonProperty("UnitPrice") BigDecimal unitPrice,
        @JsonProperty("Product") JsonNode product,
        @JsonProperty("PromotionOverrides") List<PromotionOverride> promotionOverrides,
        @JsonProperty("InventoryRecordID") String inventoryRecordID,
        @JsonProperty("Remove") Boolean remove) {
}
