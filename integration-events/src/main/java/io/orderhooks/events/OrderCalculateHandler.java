package io.orderhooks.events;

import io.orderhooks.core.model.OrderCalculateResponse;

/**
 * Answers {@code /ordercalculate}: line overrides and the shipping, tax and fee totals for the order. Answers are validated before they are sent (overrides must name existing lines; totals must not be negative).
 *
 * <p>Called on a dispatcher worker thread, possibly concurrently for different orders; implementations must
 * be thread-safe. Throw {@link CheckoutException} to refuse the event with a status and error code of your
 * choice; any other exception becomes a 500 with a correlation id (or triggers the fallback, if one is
 * declared). The call is interrupted when it exceeds its time limit.
 */
@FunctionalInterface
public interface OrderCalculateHandler {

    OrderCalculateResponse calculate(CheckoutEvent event) throws Exception;
}
