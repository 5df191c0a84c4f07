package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** The refund the {@code OrderReturn} integration event computed for one returned line. */
public record LineItemReturnCalculation(
        @JsonProperty("LineItemID") String lineItemID,
        @JsonProperty("RefundAmount") BigDecimal refundAmount) {
}
