package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer to split and forward: the outgoing orders created and the lines left on the incoming order.
 */
public record OrderSplitResult(
        @JsonProperty("OutgoingOrders") List<Order> outgoingOrders,
        @JsonProperty("RemainingLineItemIDs") List<String> remainingLineItemIDs) {
}
