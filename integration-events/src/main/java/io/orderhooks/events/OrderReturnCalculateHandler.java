package io.orderhooks.events;

import io.orderhooks.core.model.OrderReturnCalculateResponse;

/**
 * Answers {@code /calculateorderreturn}, the {@code OrderReturn} integration event: the refund of the return in
 * {@link CheckoutEvent#orderReturn()} (whole and per returned line), given its order's worksheet. Answers are
 * validated before they are sent: each {@code ItemsToReturnCalcs} entry must name a line of the return once, and no
 * amount may be negative.
 *
 * <p>Called on a dispatcher worker thread, possibly concurrently for different returns; implementations must be
 * thread-safe. The event is safe to repeat (it only computes), so it is not de-duplicated. Throw
 * {@link CheckoutException} to refuse it with a status and error code of your choice; any other exception becomes a
 * 500 with a correlation id. The call is interrupted when it exceeds its time limit.
 */
@FunctionalInterface
public interface OrderReturnCalculateHandler {

    OrderReturnCalculateResponse calculate(CheckoutEvent event) throws Exception;
}
