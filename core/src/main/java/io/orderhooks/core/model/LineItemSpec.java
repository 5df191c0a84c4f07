package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * A spec chosen on a line item: the option (or free-text value) and the markup it applied.
 */
public record LineItemSpec(
        @JsonProperty("SpecID") String specID,
        @JsonProperty("Name") String name,
        @JsonProperty("OptionID") String optionID,
        @JsonProperty("Value") String value,
        @JsonProperty("PriceMarkupType") String priceMarkupType,
        @JsonProperty("PriceMarkup") BigDecimal priceMarkup) {
}
