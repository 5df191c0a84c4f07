package io.orderhooks.events.plugin;

import io.orderhooks.core.model.ShipMethod;
import java.math.BigDecimal;
import java.util.List;

/** A test shipping plugin: ground 5.00 + 0.50/lb (5 days), express 15.00 + 1.25/lb (2 days), per package. */
public final class WeightTableShippingProvider implements ShippingRateProvider {

    @Override
    public List<ShipMethod> rate(ShippingPackage pkg) {
        BigDecimal weight = pkg.totalWeight();
        return List.of(
                new ShipMethod("ground", "Ground", new BigDecimal("5.00").add(weight.multiply(new BigDecimal("0.50"))), 5, null),
                new ShipMethod("express", "Express", new BigDecimal("15.00").add(weight.multiply(new BigDecimal("1.25"))), 2, null));
    }

    @Override
    public String name() {
        return "weight-table";
    }
}
