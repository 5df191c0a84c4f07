package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * One choice of a spec. {@code PriceMarkupType} is {@code NoMarkup|AmountPerQuantity|AmountTotal|Percentage}.
 */
public record SpecOption(
        @JsonProperty("ID") String id,
        @JsonProperty("Value") String value,
        @JsonProperty("ListOrder") Integer listOrder,
        @JsonProperty("IsOpenText") Boolean isOpenText,
        @JsonProperty("PriceMarkupType") String priceMarkupType,
        @JsonProperty("PriceMarkup") BigDecimal priceMarkup,
        @JsonProperty("xp") JsonNode xp) {

    /** OrderCloud's plain bool/int fields default to false/0 on the wire, never null. */
    public SpecOption {
        listOrder = WireDefaults.zero(listOrder);
        isOpenText = WireDefaults.no(isOpenText);
    }

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.value = value;
        b.listOrder = listOrder;
        b.isOpenText = isOpenText;
        b.priceMarkupType = priceMarkupType;
        b.priceMarkup = priceMarkup;
        b.xp = xp;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String id;
        private String value;
        private Integer listOrder;
        private Boolean isOpenText;
        private String priceMarkupType;
        private BigDecimal priceMarkup;
        private JsonNode xp;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder value(String value) {
            this.value = value;
            return this;
        }

        public Builder listOrder(Integer listOrder) {
            this.listOrder = listOrder;
            return this;
        }

        public Builder isOpenText(Boolean isOpenText) {
            this.isOpenText = isOpenText;
            return this;
        }

        public Builder priceMarkupType(String priceMarkupType) {
            this.priceMarkupType = priceMarkupType;
            return this;
        }

        public Builder priceMarkup(BigDecimal priceMarkup) {
            this.priceMarkup = priceMarkup;
            return this;
        }

        public Builder xp(JsonNode xp) {
            this.xp = xp;
            return this;
        }

        public SpecOption build() {
            return new SpecOption(id, value, listOrder, isOpenText, priceMarkupType, priceMarkup, xp);
        }
    }
}
