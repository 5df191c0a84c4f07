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

    /** An answer with these refunds and nothing else (what a handler returns). */
    public static OrderReturnCalculateResponse of(BigDecimal refundAmount, List<LineItemReturnCalculation> items) {
        return new OrderReturnCalculateResponse(refundAmount, items, null, null, null, null);
    }
}
