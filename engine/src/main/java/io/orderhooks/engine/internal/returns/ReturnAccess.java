package io.orderhooks.engine.internal.returns;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.orders.Direction;
import io.orderhooks.engine.internal.orders.OrderAccess;
import io.orderhooks.engine.internal.orders.OrderState;

/**
 * Who may see and change which order return. A return the caller may not see is 404 {@code NotFound}, exactly like
 * a missing one.
 *
 * <ul>
 *   <li>Marketplace owner: every return of an order it may see ({@code All} direction); changes need {@code OrderAdmin}.
 *   <li>Buyer user: returns of its own buyer that it created or whose order it placed, or all of its buyer's returns
 *       with {@code OrderAdmin}/{@code OrderReader}; it changes those it created or placed the order of, or all of its
 *       buyer's with {@code OrderAdmin}. Anonymous shoppers and group-order contributors never see returns.
 *   <li>Supplier users: none (returns are made on the buyer's order to the marketplace).
 * </ul>
 */
final class ReturnAccess {

    private final OrderAccess orders;

    ReturnAccess(EngineContext ctx) {
        this.orders = new OrderAccess(ctx);
    }

    /** Whether the caller may see {@code r} (of order {@code s}). */
    boolean canSee(Caller caller, ReturnState r, OrderState s) {
        if (caller.isSeller()) {
            return orders.canSee(caller, s, Direction.All);
        }
        if (!isBuyerUser(caller) || !caller.companyID().equals(r.fromCompanyID())) {
            return false;
        }
        return owns(caller, r, s) || caller.hasRole("OrderAdmin") || caller.hasRole("OrderReader");
    }

    /** Checks that the caller may see and change {@code r}: 404 when it may not see it, 403 when it may only read it. */
    void requireModify(Caller caller, ReturnState r, OrderState s) {
        if (!canSee(caller, r, s)) {
            throw Errors.notFound("OrderReturn", r.id());
        }
        boolean may = caller.isSeller() ? caller.hasRole("OrderAdmin") : owns(caller, r, s) || caller.hasRole("OrderAdmin");
        if (!may) {
            throw Errors.forbidden("You may read this order return but not change it.");
        }
    }

    /** Checks that the caller may return items of order {@code s}: 404 when it may not see the order. */
    void requireMayReturn(Caller caller, OrderState s) {
        boolean may;
        if (caller.isSeller()) {
            may = orders.canSee(caller, s, Direction.All);
        } else {
            may = isBuyerUser(caller) && caller.companyID().equals(s.order().fromCompanyID())
                    && (caller.userID().equals(s.order().fromUserID()) || caller.hasRole("OrderAdmin"));
        }
        if (!may) {
            throw Errors.notFound("Order", s.id());
        }
    }

    private static boolean owns(Caller caller, ReturnState r, OrderState s) {
        return caller.userID().equals(r.fromUserID()) || caller.userID().equals(s.order().fromUserID());
    }

    private static boolean isBuyerUser(Caller caller) {
        return caller.isBuyer() && !caller.anonymous() && !caller.isGroupOrderContributor();
    }
}
