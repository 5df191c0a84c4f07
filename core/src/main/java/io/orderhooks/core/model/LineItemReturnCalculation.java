package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * The refund the {@code OrderReturn} integration event computed for one returned line. {@code RefundAmount} is
 * written as a JSON number; it is read from a number or, since the JavaScript SDK declares it a string, from a
 * decimal string such as {@code "17.50"}.
 */
public record LineItemReturnCalculation(
        @JsonProperty("LineItemID") String lineItemID,
        @JsonProperty("RefundAmount") BigDecimal refundAmount) {

    /**
     * Reads an answer's entry.
     *
     * @throws IllegalArgumentException when {@code RefundAmount} is neither a number nor a decimal string
     */
    @JsonCreator
    public static LineItemReturnCalculation read(@JsonProperty("LineItemID") String lineItemID,
            @JsonProperty("RefundAmount") JsonNode refundAmount) {
        if (refundAmount == null || refundAmount.isNull() || refundAmount.isMissingNode()) {
            return new LineItemReturnCalculation(lineItemID, null);
        }
        if (refundAmount.isNumber()) {
            return new LineItemReturnCalculation(lineItemID, refundAmount.decimalValue());
        }
        if (refundAmount.isTextual()) {
            try {
                return new LineItemReturnCalculation(lineItemID, new BigDecimal(refundAmount.asText().trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("RefundAmount is not a decimal: " + refundAmount.asText());
            }
        }
        throw new IllegalArgumentException("RefundAmount must be a number or a decimal string, was " + refundAmount.getNodeType());
    }
}
