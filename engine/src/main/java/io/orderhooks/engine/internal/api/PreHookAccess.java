package io.orderhooks.engine.internal.api;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.orders.Direction;
import io.orderhooks.engine.internal.orders.OrderAccess;
import java.util.function.Consumer;

/**
 * Object-level authorization that runs before any pre-webhook fires, so the order of checks is authentication →
 * object-level authorization → pre-webhook → business validation, and a middleware never hears of (nor answers
 * to) a request that will be refused for access. It checks the object the route's path names: an order
 * ({@code {direction}/{orderID}}) must be visible to the caller, else 404 exactly as the route would answer.
 * Routes naming no such object are left to their handlers (which refuse before changing anything).
 */
public final class PreHookAccess implements Consumer<ApiRequest> {

    private final ApiContext ctx;
    private final OrderAccess orders;

    public PreHookAccess(ApiContext ctx) {
        this.ctx = ctx;
        this.orders = new OrderAccess(ctx.engine().context());
    }

    @Override
    public void accept(ApiRequest request) {
        if (request.caller() == null) {
            return;
        }
        String orderID = request.pathParams().get("orderID");
        String direction = request.pathParams().get("direction");
        if (orderID != null && direction != null) {
            Caller caller = ctx.caller(request);
            Direction d = Direction.parse(direction);
            boolean visible = ctx.engine().context().store().order(orderID)
                    .map(s -> orders.canSee(caller, s, d)).orElse(false);
            if (!visible) {
                throw OrderCloudException.notFound("Order", orderID);
            }
        }
    }
}
