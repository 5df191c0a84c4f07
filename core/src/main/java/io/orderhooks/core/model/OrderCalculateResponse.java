package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The answer to {@code /ordercalculate}: line overrides and the shipping, tax and fee totals.
 */
public record OrderCalculateResponse(
        @JsonProperty("LineItemOverrides") List<LineItemOverride> lineItemOverrides,
        @JsonProperty("ShippingTotal") BigDecimal shippingTotal,
        @JsonProperty("TaxTotal") BigDecimal taxTotal,
        @JsonProperty("FeeTotal") BigDecimal feeTotal,
        @JsonProperty("HttpStatusCode") Integer httpStatusCode,
        @JsonProperty("UnhandledErrorBody") String unhandledErrorBody,
        @JsonProperty("xp") JsonNode xp,
        @JsonProperty("Succeeded") Boolean succeeded) implements CheckoutResponse {

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.lineItemOverrides = lineItemOverrides;
        b.shippingTotal = shippingTotal;
        b.taxTotal = taxTotal;
        b.feeTotal = feeTotal;
        b.httpStatusCode = httpStatusCode;
        b.unhandledErrorBody = unhandledErrorBody;
        b.xp = xp;
        b.succeeded = succeeded;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private List<LineItemOverride> lineItemOverrides;
        private BigDecimal shippingTotal;
        private BigDecimal taxTotal;
        private BigDecimal feeTotal;
        private Integer httpStatusCode;
        private String unhandledErrorBody;
        private JsonNode xp;
        private Boolean succeeded;

        private Builder() {}

        public Builder lineItemOverrides(List<LineItemOverride> lineItemOverrides) {
            this.lineItemOverrides = lineItemOverrides;
            return this;
        }

        public Builder shippingTotal(BigDecimal shippingTotal) {
            this.shippingTotal = shippingTotal;
            return this;
        }

        public Builder taxTotal(BigDecimal taxTotal) {
            this.taxTotal = taxTotal;
            return this;
        }

        public Builder feeTotal(BigDecimal feeTotal) {
            this.feeTotal = feeTotal;
            return this;
        }

        public Builder httpStatusCode(Integer httpStatusCode) {
            this.httpStatusCode = httpStatusCode;
            return this;
        }

        public Builder unhandledErrorBody(String unhandledErrorBody) {
            this.unhandledErrorBody = unhandledErrorBody;
            return this;
        }

        public Builder xp(JsonNode xp) {
            this.xp = xp;
            return this;
        }

        public Builder succeeded(Boolean succeeded) {
            this.succeeded = succeeded;
            return this;
        }

        public OrderCalculateResponse build() {
            return new OrderCalculateResponse(lineItemOverrides, shippingTotal, taxTotal, feeTotal, httpStatusCode, unhandledErrorBody, xp, succeeded);
        }
    }
}
