package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An order with its lines, promotions and every integration answer stored so far: the body of every checkout event.
 *
 * <p>{@code Subscription} and {@code SubscriptionIntegrationResponse} are kept as free JSON.
 */
public record OrderWorksheet(
        @JsonProperty("Order") Order order,
        @JsonProperty("LineItems") List<LineItem> lineItems,
        @JsonProperty("OrderPromotions") List<OrderPromotion> orderPromotions,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Subscription") JsonNode subscription,
        @JsonProperty("ShipEstimateResponse") ShipEstimateResponse shipEstimateResponse,
        @JsonProperty("OrderCalculateResponse") OrderCalculateResponse orderCalculateResponse,
        @JsonProperty("OrderSubmitResponse") OrderSubmitResponse orderSubmitResponse,
        @JsonProperty("OrderSubmitForApprovalResponse") OrderSubmitForApprovalResponse orderSubmitForApprovalResponse,
        @JsonProperty("OrderApprovedResponse") OrderApprovedResponse orderApprovedResponse,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("SubscriptionIntegrationResponse") JsonNode subscriptionIntegrationResponse) {

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.order = order;
        b.lineItems = lineItems;
        b.orderPromotions = orderPromotions;
        b.subscription = subscription;
        b.shipEstimateResponse = shipEstimateResponse;
        b.orderCalculateResponse = orderCalculateResponse;
        b.orderSubmitResponse = orderSubmitResponse;
        b.orderSubmitForApprovalResponse = orderSubmitForApprovalResponse;
        b.orderApprovedResponse = orderApprovedResponse;
        b.subscriptionIntegrationResponse = subscriptionIntegrationResponse;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private Order order;
        private List<LineItem> lineItems;
        private List<OrderPromotion> orderPromotions;
        private JsonNode subscription;
        private ShipEstimateResponse shipEstimateResponse;
        private OrderCalculateResponse orderCalculateResponse;
        private OrderSubmitResponse orderSubmitResponse;
        private OrderSubmitForApprovalResponse orderSubmitForApprovalResponse;
        private OrderApprovedResponse orderApprovedResponse;
        private JsonNode subscriptionIntegrationResponse;

        private Builder() {}

        public Builder order(Order order) {
            this.order = order;
            return this;
        }

        public Builder lineItems(List<LineItem> lineItems) {
            this.lineItems = lineItems;
            return this;
        }

        public Builder orderPromotions(List<OrderPromotion> orderPromotions) {
            this.orderPromotions = orderPromotions;
            return this;
        }

        public Builder subscription(JsonNode subscription) {
            this.subscription = subscription;
            return this;
        }

        public Builder shipEstimateResponse(ShipEstimateResponse shipEstimateResponse) {
            this.shipEstimateResponse = shipEstimateResponse;
            return this;
        }

        public Builder orderCalculateResponse(OrderCalculateResponse orderCalculateResponse) {
            this.orderCalculateResponse = orderCalculateResponse;
            return this;
        }

        public Builder orderSubmitResponse(OrderSubmitResponse orderSubmitResponse) {
            this.orderSubmitResponse = orderSubmitResponse;
            return this;
        }

        public Builder orderSubmitForApprovalResponse(OrderSubmitForApprovalResponse orderSubmitForApprovalResponse) {
            this.orderSubmitForApprovalResponse = orderSubmitForApprovalResponse;
            return this;
        }

        public Builder orderApprovedResponse(OrderApprovedResponse orderApprovedResponse) {
            this.orderApprovedResponse = orderApprovedResponse;
            return this;
        }

        public Builder subscriptionIntegrationResponse(JsonNode subscriptionIntegrationResponse) {
            this.subscriptionIntegrationResponse = subscriptionIntegrationResponse;
            return this;
        }

        public OrderWorksheet build() {
            return new OrderWorksheet(order, lineItems, orderPromotions, subscription, shipEstimateResponse, orderCalculateResponse, orderSubmitResponse, orderSubmitForApprovalResponse, orderApprovedResponse, subscriptionIntegrationResponse);
        }
    }
}
