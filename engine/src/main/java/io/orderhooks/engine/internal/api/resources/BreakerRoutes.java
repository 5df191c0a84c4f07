package io.orderhooks.engine.internal.api.resources;

import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET v1/deliveryBreakers} (orderhooks' own resource, seller only, the delivery log's read roles): the
 * circuit breaker of every endpoint a sender has called, with its state and sliding-window counts, sorted by
 * sender then endpoint ID, with the list grammar ({@code State=OPEN}). An endpoint never called has no breaker yet.
 */
public final class BreakerRoutes {

    private BreakerRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        t.get("v1/deliveryBreakers", DeliveryRoutes.READ, r -> {
            Errors.requireSeller(ctx.caller(r));
            List<BreakerView> all = new ArrayList<>();
            ctx.breakers().forEach((sender, registry) -> registry.getAllCircuitBreakers()
                    .forEach(b -> all.add(BreakerView.of(sender, b))));
            all.sort(Comparator.comparing(BreakerView::sender).thenComparing(BreakerView::endpointID));
            return ctx.list(r, all, BreakerView.class);
        });
    }
}
