package io.orderhooks.events.internal;

import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.ShipEstimate;
import io.orderhooks.core.model.ShipEstimateItem;
import io.orderhooks.core.model.ShipEstimateResponse;
import io.orderhooks.core.model.ShipMethod;
import io.orderhooks.events.CheckoutEvent;
import io.orderhooks.events.ShippingRatesHandler;
import io.orderhooks.events.plugin.OrderContext;
import io.orderhooks.events.plugin.ShippingPackage;
import io.orderhooks.events.plugin.ShippingRateProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Turns a {@link ShippingRateProvider} into a {@link ShippingRatesHandler}, one estimate per package. */
public final class ShippingRateAdapter implements ShippingRatesHandler {

    private final ShippingRateProvider provider;

    public ShippingRateAdapter(ShippingRateProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    @Override
    public ShipEstimateResponse estimate(CheckoutEvent event) throws Exception {
        List<ShipEstimate> estimates = new ArrayList<>();
        for (ShippingPackage pkg : packages(event.lineItems(), new OrderContext(event.worksheet(), event.configData()))) {
            List<ShipMethod> methods = provider.rate(pkg);
            List<ShipEstimateItem> items = pkg.lineItems().stream()
                    .map(line -> new ShipEstimateItem(line.id(), line.quantity())).toList();
            estimates.add(new ShipEstimate(pkg.id(), null, null, items, methods == null ? List.of() : List.copyOf(methods)));
        }
        return new ShipEstimateResponse(estimates, null, null, null, null);
    }

    /** Groups lines by origin, and by destination too when the order ships to several addresses. */
    static List<ShippingPackage> packages(List<LineItem> lines, OrderContext order) {
        boolean severalDestinations = lines.stream().map(LineItem::shippingAddressID).distinct().count() > 1;
        Map<String, List<LineItem>> groups = new LinkedHashMap<>();
        for (LineItem line : lines) {
            String key = origin(line) + (severalDestinations ? "-" + line.shippingAddressID() : "");
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
        }
        List<ShippingPackage> packages = new ArrayList<>();
        groups.forEach((id, group) -> {
            LineItem first = group.get(0);
            packages.add(new ShippingPackage(id, group, first.shipFromAddress(), first.shippingAddress(), first.supplierID(), order));
        });
        return packages;
    }

    private static String origin(LineItem line) {
        if (line.shipFromAddressID() != null) {
            return line.shipFromAddressID();
        }
        return line.supplierID() != null ? line.supplierID() : "default";
    }
}
