package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** One spec option that defines a variant. */
public record VariantSpec(
        @JsonProperty("SpecID") String specID,
        @JsonProperty("Name") String name,
        @JsonProperty("OptionID") String optionID,
        @JsonProperty("Value") String value,
        @JsonProperty("PriceMarkupType") String priceMarkupType,
        @JsonProperty("PriceMarkup") BigDecimal priceMarkup) {
}
