package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A request to send back some units of a submitted order's lines for a refund ({@code v1/orderreturns}).
 * {@code Status} moves {@code Unsubmitted → (AwaitingApproval →) Open → Completed}, or to {@code Declined} or
 * {@code Canceled}; {@code PaymentIDs} and the dates are read-only.
 */
public record OrderReturn(
        @JsonProperty("ID") String id,
        @JsonProperty("OrderID") String orderID,
        @JsonProperty("PaymentIDs") List<String> paymentIDs,
        @JsonProperty("Status") OrderStatus status,
        @JsonProperty("DateCreated") OffsetDateTime dateCreated,
        @JsonProperty("DateSubmitted") OffsetDateTime dateSubmitted,
        @JsonProperty("DateApproved") OffsetDateTime dateApproved,
        @JsonProperty("DateDeclined") OffsetDateTime dateDeclined,
        @JsonProperty("DateCanceled") OffsetDateTime dateCanceled,
        @JsonProperty("DateCompleted") OffsetDateTime dateCompleted,
        @JsonProperty("LastUpdated") OffsetDateTime lastUpdated,
        @JsonProperty("RefundAmount") BigDecimal refundAmount,
        @JsonProperty("Comments") String comments,
        @JsonProperty("ItemsToReturn") List<OrderReturnItem> itemsToReturn,
        @JsonProperty("xp") JsonNode xp) {

    /** A copy with another status. */
    public OrderReturn withStatus(OrderStatus s) {
        return new OrderReturn(id, orderID, paymentIDs, s, dateCreated, dateSubmitted, dateApproved, dateDeclined,
                dateCanceled, dateCompleted, lastUpdated, refundAmount, comments, itemsToReturn, xp);
    }

    /** A copy with other items and refund total. */
    public OrderReturn withItems(List<OrderReturnItem> items, BigDecimal refund) {
        return new OrderReturn(id, orderID, paymentIDs, status, dateCreated, dateSubmitted, dateApproved, dateDeclined,
                dateCanceled, dateCompleted, lastUpdated, refund, comments, items, xp);
    }

    /** A copy with the writable fields of {@code body} ({@code ID}, {@code Comments}, {@code xp}). */
    public OrderReturn withWritable(String newID, String newComments, JsonNode newXp) {
        return new OrderReturn(newID, orderID, paymentIDs, status, dateCreated, dateSubmitted, dateApproved, dateDeclined,
                dateCanceled, dateCompleted, lastUpdated, refundAmount, newComments, itemsToReturn, newXp);
    }

    /** A copy with other lifecycle dates ({@code null} arguments keep the current value). */
    public OrderReturn withDates(OffsetDateTime submitted, OffsetDateTime approved, OffsetDateTime declined,
            OffsetDateTime canceled, OffsetDateTime completed, OffsetDateTime updated) {
        return new OrderReturn(id, orderID, paymentIDs, status, dateCreated, or(submitted, dateSubmitted),
                or(approved, dateApproved), or(declined, dateDeclined), or(canceled, dateCanceled),
                or(completed, dateCompleted), or(updated, lastUpdated), refundAmount, comments, itemsToReturn, xp);
    }

    /** A copy with the payments its refund was recorded on. */
    public OrderReturn withPaymentIDs(List<String> ids) {
        return new OrderReturn(id, orderID, ids, status, dateCreated, dateSubmitted, dateApproved, dateDeclined,
                dateCanceled, dateCompleted, lastUpdated, refundAmount, comments, itemsToReturn, xp);
    }

    private static OffsetDateTime or(OffsetDateTime a, OffsetDateTime b) {
        return a != null ? a : b;
    }
}
