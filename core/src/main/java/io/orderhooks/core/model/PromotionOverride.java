package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * An amount the integration sets for one promotion on a line.
 */
public record PromotionOverride(
        @JsonProperty("PromotionID") String promotionID,
        @JsonProperty("Amount") BigDecimal amount) {
}
