package io.orderhooks.engine.internal.orders;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.grouporders.Contributors;
import io.orderhooks.engine.internal.orgs.AddressService;
import io.orderhooks.engine.internal.orgs.OrgService;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.User;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Orders (carts while {@code Unsubmitted}): create with defaults from the caller, read by direction, patch,
 * delete, and set bill-to / ship-to addresses. Every change that can move the total makes the order stale
 * ({@link OrderMath#stale}): xp, addresses, costs; comments alone do not. Thread-safe: every mutation runs
 * under the order's lock ({@code Store.withOrder}) and leaves the order unchanged when it fails.
 */
public final class OrderService {

    private final EngineContext ctx;
    private final OrderAccess access;
    private final OrgService orgs;
    private final AddressService addresses;
    private final UnaryOperator<OrderState> refreshPromotions;

    public OrderService(EngineContext ctx, OrgService orgs, AddressService addresses, UnaryOperator<OrderState> refreshPromotions) {
        this.ctx = ctx;
        this.access = new OrderAccess(ctx);
        this.orgs = orgs;
        this.addresses = addresses;
        this.refreshPromotions = refreshPromotions;
    }

    /**
     * Creates an outgoing order for a buyer user: {@code FromUser}/{@code FromUserID}/{@code FromCompanyID}
     * from the caller, {@code ToCompanyID} the marketplace unless the body names another seller. Only
     * {@code ID}, {@code Comments}, {@code xp}, {@code Currency} and the address IDs are taken from the body.
     */
    public Order create(Caller caller, Order body) {
        // the user, its addresses and groups read together (one table-versions statement while the read-mostly tables
        // are unchanged); the group ends where the order is written
        return ctx.store().readTogether(() -> createRead(caller, body));
    }

    private Order createRead(Caller caller, Order body) {
        Contributors.refuse(caller, "create orders");
        if (!caller.isBuyer()) {
            throw Errors.bad("Order.CreateIncomingRequiresFromUser", "Only buyer users create orders here; the seller creates outgoing orders by forwarding.");
        }
        User from = orgs.findUser(caller.companyID(), caller.userID()).orElseThrow(() -> Errors.notFound("User", caller.userID()));
        String to = body.toCompanyID() == null ? ctx.config().sellerOrgID() : body.toCompanyID();
        if (!to.equals(ctx.config().sellerOrgID())) {
            throw Errors.bad("LineItem.ProductNotAvailableFromSeller", "Buyer orders go to the marketplace " + ctx.config().sellerOrgID());
        }
        // an anonymous shopper's order always has the ID its token reserved (see CartService)
        String id = caller.anonymous() && caller.orderID() != null ? caller.orderID()
                : body.id() == null || body.id().isBlank() ? ctx.ids().next()
                : new io.orderhooks.engine.internal.incrementors.IncrementorService(ctx).expand(body.id());
        Order.Builder o = Order.builder().id(id).fromUser(from).fromUserID(from.id()).fromCompanyID(caller.companyID())
                .toCompanyID(to).comments(body.comments()).xp(body.xp()).currency(body.currency())
                .status(OrderStatus.Unsubmitted).isSubmitted(false).dateCreated(ctx.now()).lastUpdated(ctx.now());
        if (body.billingAddressID() != null) {
            o.billingAddressID(body.billingAddressID())
                    .billingAddress(addresses.usable(caller, caller.companyID(), body.billingAddressID(), false));
        }
        if (body.shippingAddressID() != null) {
            addresses.usable(caller, caller.companyID(), body.shippingAddressID(), true);
            o.shippingAddressID(body.shippingAddressID());
        }
        OrderState s = OrderMath.recompute(OrderState.of(o.build()));
        try {
            ctx.store().createOrder(s);
        } catch (io.orderhooks.core.error.OrderCloudException taken) {
            throw hideForeignId(caller, id, taken);
        }
        return s.order();
    }

    /**
     * A taken order ID is 409 {@code IdExists} only when the caller may see that order; otherwise the answer must
     * not reveal that someone else's order exists: 400 {@code InvalidID}, as for any ID the caller cannot use.
     */
    private io.orderhooks.core.error.OrderCloudException hideForeignId(Caller caller, String id,
            io.orderhooks.core.error.OrderCloudException taken) {
        if (taken.status() != 409) {
            return taken;
        }
        boolean visible = ctx.store().order(id).map(existing -> access.canSee(caller, existing, Direction.Outgoing)).orElse(false);
        return visible ? taken : new io.orderhooks.core.error.OrderCloudException(400, "InvalidID",
                "ID cannot be used for a new order; choose another or omit it");
    }

    /** The order if visible (404 otherwise); a group-order contributor may read its own order. */
    public Order get(Caller caller, Direction direction, String orderID) {
        return access.loadCart(caller, direction, orderID).order();
    }

    /** Every order the caller may see in that direction, oldest first (the API layer filters, sorts and pages). */
    public List<Order> list(Caller caller, Direction direction) {
        Contributors.refuse(caller, "list orders");
        // a non-contributor sees only orders from or to its own company, and a contributor only its company's order
        return ctx.store().ordersOfCompany(caller.companyID()).stream().filter(s -> access.canSee(caller, s, direction)).map(OrderState::order).toList();
    }

    /**
     * One page of the caller's orders in {@code direction}, listed by the store (in SQL on a database) when what
     * the caller may see is one company side ({@link OrderAccess#visibleSide}); empty otherwise (then
     * {@link #list} and the query in memory give the page). {@code scope} adds the request's date range to the side.
     */
    public java.util.Optional<io.orderhooks.core.model.ListPage<Order>> listPage(Caller caller, Direction direction,
            java.util.function.Function<io.orderhooks.engine.internal.store.OrderListScope.Side,
                    io.orderhooks.engine.internal.store.OrderListScope> scope,
            io.orderhooks.engine.internal.query.ListQuery query) {
        Contributors.refuse(caller, "list orders");
        return OrderAccess.visibleSide(caller, direction).map(side -> ctx.store().listOrders(scope.apply(side), query));
    }

    /** Orders awaiting an approval by one of the caller's groups ({@code GET me/orders/approvable}). */
    public List<Order> listApprovable(Caller caller) {
        Contributors.refuse(caller, "list orders");
        return ctx.store().ordersWithStatus(OrderStatus.AwaitingApproval).stream().filter(s -> access.isPendingApprover(caller, s))
                .map(OrderState::order).toList();
    }

    /** The full state (lines, payments, promotions, integration answers) of a visible order. */
    public OrderState state(Caller caller, Direction direction, String orderID) {
        return access.load(caller, direction, orderID);
    }

    public Order patch(Caller caller, Direction direction, String orderID, OrderPatch p) {
        return ctx.store().withOrder(orderID, s -> {
            access.requireModify(caller, direction, s);
            boolean onlyNotes = p.billingAddressID() == null && p.shippingAddressID() == null
                    && p.shippingCost() == null && p.taxCost() == null && p.gratuity() == null;
            boolean submitted = s.order().status() != OrderStatus.Unsubmitted;
            if (submitted && !(onlyNotes && caller.isSeller())) {
                OrderAccess.requireUnsubmitted(s);
            }
            Order.Builder o = Modifications.touched(s.order(), caller, ctx.now()).toBuilder();
            if (p.comments() != null || p.clearComments()) {
                o.comments(p.comments());
            }
            if (onlyNotes && (submitted || p.xp() == null)) {
                // the seller's notes (Comments, xp) on a submitted order, or Comments alone on a cart: totals untouched
                return commit(s.withOrder((p.xp() != null ? o.xp(p.xp()) : o).build()));
            }
            if (p.xp() != null) {
                o.xp(p.xp());
            }
            if (p.billingAddressID() != null) {
                o.billingAddressID(p.billingAddressID())
                        .billingAddress(addresses.usable(caller, s.order().fromCompanyID(), p.billingAddressID(), false));
            }
            OrderState next = s.withOrder(o.build());
            if (p.shippingAddressID() != null) {
                Address a = addresses.usable(caller, s.order().fromCompanyID(), p.shippingAddressID(), true);
                next = shipAll(next, a.id(), a);
            }
            next = OrderMath.stale(refreshPromotions.apply(OrderMath.recompute(next)));
            next = overrideCosts(caller, next, p);
            return commit(next);
        });
    }

    /**
     * {@code PATCH fromuser} (guest checkout): replaces the order's copy of its {@code FromUser} with
     * {@code change} applied to it; the user record itself is untouched. Callers restrict what {@code change} may
     * set (OrderCloud: {@code FirstName}, {@code LastName}, {@code Email}). Unsubmitted orders only.
     */
    public Order patchFromUser(Caller caller, Direction direction, String orderID, java.util.function.UnaryOperator<User> change) {
        return ctx.store().withOrder(orderID, s -> {
            access.requireModify(caller, direction, s);
            OrderAccess.requireUnsubmitted(s);
            User from = s.order().fromUser() != null ? s.order().fromUser() : User.builder().id(s.order().fromUserID()).build();
            return commit(s.withOrder(s.order().toBuilder().fromUser(change.apply(from)).lastUpdated(ctx.now()).build()));
        });
    }

    /** PUT billto: a saved address (with ID) the caller may bill to, or a one-off address (no ID). */
    public Order setBillingAddress(Caller caller, Direction direction, String orderID, Address address) {
        return ctx.store().withOrder(orderID, s -> {
            access.requireModify(caller, direction, s);
            OrderAccess.requireUnsubmitted(s);
            Address a = address.id() == null ? address : addresses.usable(caller, s.order().fromCompanyID(), address.id(), false);
            Order o = Modifications.touched(s.order(), caller, ctx.now()).toBuilder().billingAddress(a).billingAddressID(a.id()).build();
            return commit(OrderMath.stale(s.withOrder(o)));
        });
    }

    /** PUT shipto: ships every line to a saved address the caller may ship to, or to a one-off address. */
    public Order setShippingAddress(Caller caller, Direction direction, String orderID, Address address) {
        return ctx.store().withOrder(orderID, s -> {
            access.requireModify(caller, direction, s);
            OrderAccess.requireUnsubmitted(s);
            Address a = address.id() == null ? address : addresses.usable(caller, s.order().fromCompanyID(), address.id(), true);
            OrderState next = shipAll(s.withOrder(Modifications.touched(s.order(), caller, ctx.now())), a.id(), a);
            return commit(OrderMath.stale(refreshPromotions.apply(OrderMath.recompute(next))));
        });
    }

    /**
     * Deletes an unsubmitted order ({@code Order.CannotModifyBadStatus} otherwise). An incoming order whose
     * lines were forwarded cannot be deleted while its outgoing orders exist ({@code Order.CannotDeleteForwardedOrder}).
     */
    public void delete(Caller caller, Direction direction, String orderID) {
        ctx.store().withOrder(orderID, s -> {
            access.requireModify(caller, direction, s);
            boolean forwarded = s.lineItems().stream().anyMatch(l -> l.outgoingOrderID() != null
                    && !l.outgoingOrderID().equals(s.id()) && ctx.store().order(l.outgoingOrderID()).isPresent());
            if (forwarded) {
                throw Errors.bad("Order.CannotDeleteForwardedOrder", "Cannot delete an order that has been forwarded without first deleting the associated outgoing orders.");
            }
            OrderAccess.requireUnsubmitted(s);
            return Mutation.delete(null);
        });
    }

    private static OrderState shipAll(OrderState s, String addressID, Address a) {
        List<LineItem> lines = s.lineItems().stream().map(l -> l.toBuilder().shippingAddressID(addressID).shippingAddress(a).build()).toList();
        return s.withOrder(s.order().toBuilder().shippingAddressID(addressID).build()).withLineItems(lines);
    }

    private static OrderState overrideCosts(Caller caller, OrderState s, OrderPatch p) {
        Order.Builder o = s.order().toBuilder();
        if (p.shippingCost() != null) {
            if (!caller.hasRole("OverrideShipping")) {
                throw new io.orderhooks.core.error.OrderCloudException(403, "Order.OverrideShippingPermission", "User must have OverrideShipping permission to change shipping cost.");
            }
            o.shippingCost(p.shippingCost());
        }
        if (p.taxCost() != null) {
            if (!caller.hasRole("OverrideTax")) {
                throw new io.orderhooks.core.error.OrderCloudException(403, "Order.OverrideTaxPermission", "User must have OverrideTax permission to change tax cost.");
            }
            o.taxCost(p.taxCost());
        }
        if (p.gratuity() != null) {
            o.gratuity(p.gratuity());
        }
        return OrderMath.recompute(s.withOrder(o.build()));
    }

    private static Mutation<Order> commit(OrderState next) {
        return Mutation.commit(next, next.order());
    }
}
