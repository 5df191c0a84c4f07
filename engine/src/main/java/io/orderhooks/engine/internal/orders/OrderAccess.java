package io.orderhooks.engine.internal.orders;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.catalog.ProductAccess;
import io.orderhooks.engine.internal.grouporders.Contributors;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import java.util.Set;

/**
 * Who may see and change which order, in which direction. An order the caller may not see is reported as
 * 404 {@code NotFound}, exactly like a missing one, so IDs of other companies' orders never leak.
 *
 * <ul>
 *   <li>Buyer user: {@code Outgoing}/{@code All} orders of its own buyer that it placed, or any of its buyer's
 *       orders with role {@code OrderAdmin}/{@code OrderReader}, or orders awaiting its approval; and every
 *       shared organization cart of its buyer ({@link #isOrganizationMember}), which it may also change.
 *   <li>Group-order contributor: only the order of its token, through a live invitation
 *       ({@link Contributors#requireLive}); it may read the order ({@link #loadCart}) and change its own lines
 *       ({@link #requireLineChange}); every other read ({@link #load}) or change ({@link #requireModify}) of its
 *       order is 403 {@code Auth.InsufficientRoles}.
 *   <li>Seller: {@code Incoming} = {@code ToCompanyID} is the marketplace; {@code Outgoing} = orders it
 *       forwarded ({@code FromCompanyID} is the marketplace); {@code All} = both.
 *   <li>Supplier: {@code Incoming} = orders forwarded to it; {@code Outgoing} = orders it placed.
 * </ul>
 */
public final class OrderAccess {

    private final EngineContext ctx;

    public OrderAccess(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The company side whose orders are exactly what {@link #canSee} lets the caller see in {@code direction}, so a
     * store can list them by an indexed column: a seller's or supplier's {@code To}/{@code From}/either side, a buyer
     * order admin's or order reader's own company's placed orders. Empty when visibility depends on each order (a
     * plain shopper, an anonymous shopper, a group-order contributor, a buyer asking for {@code Incoming}).
     */
    public static java.util.Optional<io.orderhooks.engine.internal.store.OrderListScope.Side> visibleSide(Caller caller,
            Direction direction) {
        if (caller.isGroupOrderContributor()) {
            return java.util.Optional.empty();
        }
        if (caller.isBuyer()) {
            boolean wholeCompany = direction != Direction.Incoming && !(caller.anonymous() && caller.orderID() != null)
                    && (caller.hasRole("OrderAdmin") || caller.hasRole("OrderReader"));
            return wholeCompany ? java.util.Optional.of(io.orderhooks.engine.internal.store.OrderListScope.Side.FROM)
                    : java.util.Optional.empty();
        }
        return java.util.Optional.of(switch (direction) {
            case Incoming -> io.orderhooks.engine.internal.store.OrderListScope.Side.TO;
            case Outgoing -> io.orderhooks.engine.internal.store.OrderListScope.Side.FROM;
            case All -> io.orderhooks.engine.internal.store.OrderListScope.Side.EITHER;
        });
    }

    public boolean canSee(Caller caller, OrderState s, Direction direction) {
        Order o = s.order();
        if (caller.isGroupOrderContributor()) {
            return direction != Direction.Incoming && o.id().equals(caller.orderID()) && caller.companyID().equals(o.fromCompanyID());
        }
        if (caller.isBuyer()) {
            if (direction == Direction.Incoming || !caller.companyID().equals(o.fromCompanyID())) {
                return false;
            }
            if (caller.anonymous() && caller.orderID() != null) {
                return o.id().equals(caller.orderID()) && caller.userID().equals(o.fromUserID());
            }
            if (isOrganizationMember(caller, o)) {
                return true;
            }
            return caller.userID().equals(o.fromUserID()) || caller.hasRole("OrderAdmin") || caller.hasRole("OrderReader")
                    || isPendingApprover(caller, s);
        }
        boolean incoming = caller.companyID().equals(o.toCompanyID());
        boolean outgoing = caller.companyID().equals(o.fromCompanyID());
        return switch (direction) {
            case Incoming -> incoming;
            case Outgoing -> outgoing;
            case All -> incoming || outgoing;
        };
    }

    /**
     * Whether the caller may change the order itself (not only read it): its placer, an order admin, or the
     * receiving company. Never a group-order contributor (it changes only its lines, see {@link #requireLineChange}).
     */
    public boolean canModify(Caller caller, OrderState s) {
        Order o = s.order();
        if (caller.isGroupOrderContributor()) {
            return false;
        }
        if (isOrganizationMember(caller, o)) {
            return true;
        }
        if (caller.isBuyer()) {
            return caller.companyID().equals(o.fromCompanyID()) && (caller.userID().equals(o.fromUserID())
                    || caller.hasRole("OrderAdmin"));
        }
        return caller.companyID().equals(o.toCompanyID()) || caller.companyID().equals(o.fromCompanyID());
    }

    /**
     * Whether the order is a shared organization cart (or an order submitted from one) of the caller's buyer and
     * the caller one of that buyer's users (not a group-order contributor token): such a caller may read, amend and
     * submit it like its creator. Anonymous shoppers are never organization members.
     */
    public static boolean isOrganizationMember(Caller caller, Order o) {
        return caller.isBuyer() && !caller.anonymous() && caller.invitationID() == null && Modifications.isShared(o)
                && caller.companyID().equals(o.fromCompanyID());
    }

    /** Whether a buyer caller is in the approving group of a pending approval of the order. */
    public boolean isPendingApprover(Caller caller, OrderState s) {
        if (!caller.isBuyer() || s.order().status() != OrderStatus.AwaitingApproval) {
            return false;
        }
        Set<String> groups = new ProductAccess(ctx).groupsOf(caller.companyID(), caller.userID());
        return s.approvals().stream().anyMatch(a -> "Pending".equals(a.status()) && groups.contains(a.approvingGroupID()));
    }

    /**
     * The order and everything under it (payments, promotions, worksheet, ...) if visible; 404 otherwise. A
     * group-order contributor gets 403 even for its own order: it reads only through {@link #loadCart}.
     */
    public OrderState load(Caller caller, Direction direction, String orderID) {
        OrderState s = loadCart(caller, direction, orderID);
        Contributors.refuse(caller, "read the payments, promotions or worksheet of an order");
        return s;
    }

    /**
     * The order if visible, for reading the order itself and its line items (404 otherwise). Admits a group-order
     * contributor with a live invitation to its own order; the caller must filter lines by invitation.
     */
    public OrderState loadCart(Caller caller, Direction direction, String orderID) {
        if (caller.isGroupOrderContributor()) {
            Contributors.requireLive(ctx, caller);
        }
        OrderState s = ctx.store().order(orderID).orElseThrow(() -> Errors.notFound("Order", orderID));
        if (!canSee(caller, s, direction)) {
            throw Errors.notFound("Order", orderID);
        }
        return s;
    }

    /**
     * Checks, inside an order's lock, that the caller may see and change the order itself; 404 / 403 otherwise
     * (always 403 for a group-order contributor's own order).
     */
    public void requireModify(Caller caller, Direction direction, OrderState s) {
        if (caller.isGroupOrderContributor()) {
            Contributors.requireLive(ctx, caller);
        }
        if (!canSee(caller, s, direction)) {
            throw Errors.notFound("Order", s.id());
        }
        Contributors.refuse(caller, "change, submit or pay for an order");
        if (!canModify(caller, s)) {
            throw Errors.forbidden("the caller may read but not change order " + s.id());
        }
    }

    /**
     * Checks, inside an order's lock, that the caller may add, change or delete line items of an unsubmitted
     * order. A group-order contributor may (its own lines; the caller checks ownership) while the order is
     * {@code Unsubmitted}, and gets {@code GroupOrder.CannotModifySubmittedOrder} after that.
     */
    public void requireLineChange(Caller caller, Direction direction, OrderState s) {
        if (!caller.isGroupOrderContributor()) {
            requireModify(caller, direction, s);
            requireUnsubmitted(s);
            return;
        }
        Contributors.requireLive(ctx, caller);
        if (!canSee(caller, s, direction)) {
            throw Errors.notFound("Order", s.id());
        }
        if (s.order().status() != OrderStatus.Unsubmitted) {
            throw Errors.bad("GroupOrder.CannotModifySubmittedOrder", "Order " + s.id() + " has been submitted; group order contributors can no longer change it.");
        }
    }

    /** Refuses changes to the lines and addresses of an order that is no longer a cart. */
    public static void requireUnsubmitted(OrderState s) {
        if (s.order().status() != OrderStatus.Unsubmitted) {
            throw Errors.bad("Order.CannotModifyBadStatus", "Order " + s.id() + " is " + s.order().status() + "; only Unsubmitted orders can be changed.");
        }
    }
}
