package io.orderhooks.events;

import io.orderhooks.core.model.OrderSubmitForApprovalResponse;

/**
 * Answers {@code /ordersubmitforapproval}: the order was submitted and waits for approval. Not de-duplicated: an order declined with {@code AllowResubmit} may legitimately be submitted for approval again. Returning null answers an empty response.
 *
 * <p>Called on a dispatcher worker thread, possibly concurrently for different orders; implementations must
 * be thread-safe. Throw {@link CheckoutException} to refuse the event with a status and error code of your
 * choice; any other exception becomes a 500 with a correlation id (or triggers the fallback, if one is
 * declared). The call is interrupted when it exceeds its time limit.
 */
@FunctionalInterface
public interface OrderSubmitForApprovalHandler {

    OrderSubmitForApprovalResponse submitForApproval(CheckoutEvent event) throws Exception;
}
