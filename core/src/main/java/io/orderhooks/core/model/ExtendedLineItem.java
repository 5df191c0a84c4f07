package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A line item listed across orders ({@code GET v1/lineitems/{direction}}): its order's ID and the order itself,
 * then the line's fields. Serialization only.
 */
@JsonPropertyOrder({"OrderID", "Order"})
public record ExtendedLineItem(@JsonProperty("OrderID") String orderID, @JsonProperty("Order") Order order,
        @JsonUnwrapped LineItem lineItem) {
}
