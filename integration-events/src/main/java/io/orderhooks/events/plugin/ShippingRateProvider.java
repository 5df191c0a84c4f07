package io.orderhooks.events.plugin;

import io.orderhooks.core.model.ShipMethod;
import io.orderhooks.events.ShippingRatesHandler;
import io.orderhooks.events.internal.ShippingRateAdapter;
import java.util.List;

/**
 * A carrier or rate table: the methods (with costs) a package can ship by. Plugin jars declare
 * implementations in {@code META-INF/services/io.orderhooks.events.plugin.ShippingRateProvider} (public
 * no-argument constructor) to be found by {@link Plugins#discover}. Implementations must be thread-safe;
 * throw {@link io.orderhooks.events.CheckoutException} for a destination that cannot be served.
 */
@FunctionalInterface
public interface ShippingRateProvider {

    List<ShipMethod> rate(ShippingPackage shippingPackage) throws Exception;

    /** The name plugins are selected and reported by; the simple class name unless overridden. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * This provider as a shipping-rates handler: the worksheet's lines are grouped into packages by origin
     * ({@code ShipFromAddressID}, else {@code SupplierID}) and, when the order ships to several addresses,
     * by destination; each package becomes one ship estimate covering its lines with their full quantity.
     */
    default ShippingRatesHandler asHandler() {
        return new ShippingRateAdapter(this);
    }
}
