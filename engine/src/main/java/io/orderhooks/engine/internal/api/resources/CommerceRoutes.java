package io.orderhooks.engine.internal.api.resources;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.EngineApi;
import io.orderhooks.engine.internal.api.RouteTable;
import java.util.List;

/**
 * The commerce half of the API: catalog, promotions and approval rules, orders and the cart, line items,
 * payments, checkout and order actions, shipments and the buyer's {@code me/...} views of them.
 */
public final class CommerceRoutes {

    /** Every commerce resource, in registration order. */
    public static final List<EngineApi.Resource> ALL = List.of(ProductRoutes::register, CatalogRoutes::register,
            PromotionRoutes::register, ApprovalRuleRoutes::register, MeCatalogRoutes::register, OrderRoutes::register, LineItemRoutes::register,
            PaymentRoutes::register, OrderPromotionRoutes::register, CheckoutRoutes::register, ShipmentRoutes::register,
            OrderReturnRoutes::register);

    private CommerceRoutes() {}

    /** Registers every commerce route. */
    public static void register(RouteTable t, ApiContext ctx) {
        ALL.forEach(r -> r.accept(t, ctx));
    }
}
