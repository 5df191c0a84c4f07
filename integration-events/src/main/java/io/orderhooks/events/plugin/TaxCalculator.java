package io.orderhooks.events.plugin;

import io.orderhooks.events.OrderCalculateHandler;
import io.orderhooks.events.internal.TaxCalculatorAdapter;

/**
 * A tax engine: tax per line and on shipping for a worksheet. Plugin jars declare implementations in
 * {@code META-INF/services/io.orderhooks.events.plugin.TaxCalculator} (public no-argument constructor) to be
 * found by {@link Plugins#discover}. Implementations must be thread-safe; they may throw
 * {@link io.orderhooks.events.CheckoutException} to refuse an order.
 */
@FunctionalInterface
public interface TaxCalculator {

    TaxResult calculate(TaxRequest request) throws Exception;

    /** The name plugins are selected and reported by; the simple class name unless overridden. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * This calculator as a calculate handler: {@code TaxTotal} is the result's total, {@code ShippingTotal}
     * the selected ship methods' costs, and {@code xp.Tax} holds {@code Calculator}, {@code LineTaxes} (by line
     * ID) and {@code ShippingTax}, after the properties of the result's {@link TaxResult#detail() detail}. Tax for a line not in the worksheet is a failure (500).
     */
    default OrderCalculateHandler asHandler() {
        return new TaxCalculatorAdapter(this);
    }
}
