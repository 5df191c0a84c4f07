package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.ApiRequest;
import io.orderhooks.engine.internal.api.ApiRoute;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.orders.Direction;
import java.util.Set;

/**
 * Registers one order operation twice: under {@code v1/orders/{direction}/{orderID}} (the order named by the
 * path) and under {@code v1/cart} (the caller's current cart, {@code Outgoing}, role {@code Shopper}), so the
 * two route families share one handler.
 */
final class OrderRouting {

    /** An operation on one order, whichever way it was named. */
    @FunctionalInterface
    interface OrderOperation {
        Object handle(ApiRequest request, Caller caller, Direction direction, String orderID);
    }

    static final String ORDER = "v1/orders/{direction}/{orderID}";
    static final String CART = "v1/cart";
    /** OrderCloud's cart endpoints are for shoppers. */
    static final Set<String> CART_ROLES = roles("Shopper");
    static final Set<String> READ = roles("OrderAdmin", "OrderReader", "Shopper");
    static final Set<String> WRITE = roles("OrderAdmin", "Shopper");
    /** estimateshipping, shipmethods, calculate, submit (wire reference §3). */
    static final Set<String> CHECKOUT = roles("IntegrationEventAdmin", "OrderAdmin", "Shopper");

    private final RouteTable t;
    private final ApiContext ctx;

    OrderRouting(RouteTable t, ApiContext ctx) {
        this.t = t;
        this.ctx = ctx;
    }

    void get(String suffix, Set<String> roles, OrderOperation op) {
        t.get(ORDER + suffix, roles, r -> byPath(r, op));
        t.get(CART + suffix, CART_ROLES, r -> byCart(r, op));
    }

    void post(String suffix, int status, Set<String> roles, OrderOperation op) {
        t.post(ORDER + suffix, status, roles, r -> byPath(r, op));
        t.post(CART + suffix, status, CART_ROLES, r -> byCart(r, op));
    }

    void put(String suffix, Set<String> roles, OrderOperation op) {
        t.put(ORDER + suffix, roles, r -> byPath(r, op));
        t.put(CART + suffix, CART_ROLES, r -> byCart(r, op));
    }

    void patch(String suffix, Set<String> roles, OrderOperation op) {
        t.patch(ORDER + suffix, roles, r -> byPath(r, op));
        t.patch(CART + suffix, CART_ROLES, r -> byCart(r, op));
    }

    void delete(String suffix, Set<String> roles, OrderOperation op) {
        t.delete(ORDER + suffix, roles, r -> byPath(r, op));
        t.delete(CART + suffix, CART_ROLES, r -> byCart(r, op));
    }

    /** A DELETE that answers 200 with the handler's result (e.g. the Order after removing a promotion). */
    void deleteAnswering(String suffix, Set<String> roles, OrderOperation op) {
        t.add(new ApiRoute("DELETE", ORDER + suffix, roles, 200, r -> byPath(r, op)));
        t.add(new ApiRoute("DELETE", CART + suffix, CART_ROLES, 200, r -> byCart(r, op)));
    }

    /** As {@link #post}, for an action that calls the checkout integration ({@link ApiRoute#callsMiddleware}). */
    void postCallingMiddleware(String suffix, int status, Set<String> roles, OrderOperation op) {
        t.add(new ApiRoute("POST", ORDER + suffix, roles, status, r -> byPath(r, op)).callingMiddleware());
        t.add(new ApiRoute("POST", CART + suffix, CART_ROLES, status, r -> byCart(r, op)).callingMiddleware());
    }

    /** As {@link #postOrderOnly}, for an action that calls the checkout integration. */
    void postOrderOnlyCallingMiddleware(String suffix, int status, Set<String> roles, OrderOperation op) {
        t.add(new ApiRoute("POST", ORDER + suffix, roles, status, r -> byPath(r, op)).callingMiddleware());
    }

    /** Only the {@code v1/orders/...} form (actions a cart has no use for, e.g. approve, ship). */
    void postOrderOnly(String suffix, int status, Set<String> roles, OrderOperation op) {
        t.post(ORDER + suffix, status, roles, r -> byPath(r, op));
    }

    void getOrderOnly(String suffix, Set<String> roles, OrderOperation op) {
        t.get(ORDER + suffix, roles, r -> byPath(r, op));
    }

    private Object byPath(ApiRequest r, OrderOperation op) {
        return op.handle(r, ctx.caller(r), Direction.parse(r.param("direction")), r.param("orderID"));
    }

    private Object byCart(ApiRequest r, OrderOperation op) {
        Caller c = ctx.caller(r);
        return op.handle(r, c, Direction.Outgoing, ctx.engine().cart().current(c).id());
    }
}
