package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * One line of an order return: which line item of the order, how many units come back and what is refunded
 * for them.
 *
 * @param refundAmount computed by the platform (or the {@code OrderReturn} integration event) unless a
 *     marketplace owner sets it
 */
public record OrderReturnItem(
        @JsonProperty("LineItemID") String lineItemID,
        @JsonProperty("Quantity") Integer quantity,
        @JsonProperty("RefundAmount") BigDecimal refundAmount,
        @JsonProperty("Comments") String comments) {

    /** A copy with another refund amount. */
    public OrderReturnItem withRefundAmount(BigDecimal amount) {
        return new OrderReturnItem(lineItemID, quantity, amount, comments);
    }
}
