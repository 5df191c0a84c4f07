package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The answer to {@code /calculateorderreturn}: the refund of the whole return and of each returned line. The
 * platform fills {@code HttpStatusCode}, {@code UnhandledErrorBody} and {@code Succeeded} when it records it.
 *
 * @param refundAmount the return's refund; when null, the sum of {@code ItemsToReturnCalcs}
 */
public record OrderReturnCalculateResponse(
        @JsonProperty("RefundAmount") BigDecimal refundAmount,
        @JsonProperty("ItemsToReturnCalcs") List<LineItemReturnCalculation> itemsToReturnCalcs,
        @JsonProperty("HttpStatusCode") Integer httpStatusCode,
        @JsonProperty("UnhandledErrorBody") String unhandledErrorBody,
        @JsonProperty("xp") JsonNode xp,
        @JsonProperty("Succeeded") Boolean succeeded) implements CheckoutResponse {

    /**
     * Why this answer cannot be applied to {@code ret}, each naming the JSON path at fault; empty when it can. Rules:
     * no negative {@code RefundAmount}; each {@code ItemsToReturnCalcs} entry names a line of the return (all lines
     * when {@code ret} is null are accepted), at most once, with a non-negative {@code RefundAmount}.
     */
    public List<String> violations(OrderReturn ret) {
        List<String> problems = new java.util.ArrayList<>();
        if (refundAmount != null && refundAmount.signum() < 0) {
            problems.add("RefundAmount must not be negative, was " + refundAmount);
        }
        java.util.Set<String> lines = ret == null || ret.itemsToReturn() == null ? null : ret.itemsToReturn().stream()
                .map(OrderReturnItem::lineItemID).collect(java.util.stream.Collectors.toSet());
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<LineItemReturnCalculation> calcs = itemsToReturnCalcs == null ? List.of() : itemsToReturnCalcs;
        for (int i = 0; i < calcs.size(); i++) {
            LineItemReturnCalculation c = calcs.get(i);
            String at = "ItemsToReturnCalcs[" + i + "]";
            if (c == null || c.lineItemID() == null) {
                problems.add(at + ".LineItemID is missing");
                continue;
            }
            if (lines != null && !lines.contains(c.lineItemID())) {
                problems.add(at + ".LineItemID " + c.lineItemID() + " is not an item of the return");
            } else if (!seen.add(c.lineItemID())) {
                problems.add(at + ".LineItemID " + c.lineItemID() + " is listed twice");
            }
            if (c.refundAmount() == null || c.refundAmount().signum() < 0) {
                problems.add(at + ".RefundAmount must be a non-negative amount, was " + c.refundAmount());
            }
        }
        return problems;
    }

    /** An answer with these refunds and nothing else (what a handler returns). */
    public static OrderReturnCalculateResponse of(BigDecimal refundAmount, List<LineItemReturnCalculation> items) {
        return new OrderReturnCalculateResponse(refundAmount, items, null, null, null, null);
    }
}
