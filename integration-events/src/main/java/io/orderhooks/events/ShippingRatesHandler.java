package io.orderhooks.events;

import io.orderhooks.core.model.ShipEstimate;
import io.orderhooks.core.model.ShipEstimateItem;
import io.orderhooks.core.model.ShipEstimateResponse;
import io.orderhooks.core.model.ShipMethod;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Answers {@code /shippingrates}: ship estimates that together cover every line item of the worksheet with
 * its full quantity, each with at least one method of non-negative cost. Answers are validated before they
 * are sent; a violation is a 500 listing every problem.
 *
 * <p>Called on a dispatcher worker thread, possibly concurrently; implementations must be thread-safe. Throw
 * {@link CheckoutException} to refuse the event; any other exception becomes a 500 with a correlation id, or
 * the backup rates are answered if declared. The call is interrupted when it exceeds its time limit.
 */
@FunctionalInterface
public interface ShippingRatesHandler {

    ShipEstimateResponse estimate(CheckoutEvent event) throws Exception;

    /**
     * Backup rates: one estimate covering every line with its full quantity and a single method, e.g. to
     * declare as the fallback of a carrier-backed handler.
     *
     * @param cost must not be negative
     */
    static ShippingRatesHandler flatRate(String methodID, String methodName, BigDecimal cost, int transitDays) {
        Objects.requireNonNull(methodID, "methodID");
        Objects.requireNonNull(methodName, "methodName");
        if (cost == null || cost.signum() < 0) {
            throw new IllegalArgumentException("cost must be zero or more, was " + cost);
        }
        ShipMethod method = new ShipMethod(methodID, methodName, cost, transitDays, null);
        return event -> {
            List<ShipEstimateItem> items = event.lineItems().stream()
                    .map(line -> new ShipEstimateItem(line.id(), line.quantity())).toList();
            ShipEstimate estimate = new ShipEstimate("flat-" + methodID, null, null, items, List.of(method));
            return new ShipEstimateResponse(List.of(estimate), null, null, null, null);
        };
    }
}
