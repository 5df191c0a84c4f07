package io.orderhooks.engine.internal.sharedcarts;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.cart.CartService;
import io.orderhooks.engine.internal.orders.Direction;
import io.orderhooks.engine.internal.orders.LineMerger;
import io.orderhooks.engine.internal.orders.Modifications;
import io.orderhooks.engine.internal.orders.OrderAccess;
import io.orderhooks.engine.internal.orders.OrderService;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.sharedcarts.internal.SharedCartTables;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.core.model.Order;
import java.util.List;
import java.util.Optional;

/**
 * Shared organization carts. A buyer user shares its own unsubmitted cart with its buyer organization
 * ({@code SharedWithOrganization=true}; {@code FromUserID} stays the sharer, i.e. the creator); it becomes the
 * sharer's current cart. Every user of that buyer may then read, amend and submit it (approval rules apply at
 * submit as for any order) and switch between it and its personal cart. {@code LastModifierID} names the user behind
 * the latest change, {@code SubmittedBy} the submitter (see {@link Modifications}).
 *
 * <p><b>Unsharing</b> (any user of the organization may unshare, since any of them may amend and submit the cart):
 * {@link UnshareMode#Remove} deletes it; {@link UnshareMode#MergeIntoPersonal} merges its lines into the caller's
 * personal cart ({@link CartService#personal}; {@link LineMerger}: same product and specs add quantities) and
 * deletes it. The shared cart is taken
 * out first (under its lock, so no concurrent amendment can be lost after the snapshot); if the merge is refused
 * (e.g. {@code Inventory.Insufficient}) it is put back unchanged and the error is raised.
 *
 * <p><b>Current cart.</b> Each user's choice is stored per user; {@link #selectedSharedCart} returns the chosen
 * shared cart while it is still an unsubmitted shared cart of the user's buyer, and empty otherwise (its personal
 * cart is current). A cart that was submitted, unshared or purged therefore drops out of every user's selection.
 *
 * <p>Only buyer users (not group-order contributor tokens) have carts: anyone else gets 403
 * {@code Auth.UserNotAuthorizedToAdmin}. Orders a caller may not see are 404. Thread-safe.
 */
public final class SharedCartService {

    private final EngineContext ctx;
    private final OrderAccess access;
    private final OrderService orders;
    private final CartService cart;
    private final LineMerger merger;
    private final SharedCartSettingsService settings;
    private final SharedCartSelection selection;

    public SharedCartService(EngineContext ctx, OrderService orders, CartService cart, LineMerger merger,
            SharedCartSettingsService settings) {
        this.ctx = ctx;
        this.access = new OrderAccess(ctx);
        this.orders = orders;
        this.cart = cart;
        this.merger = merger;
        this.settings = settings;
        this.selection = new SharedCartSelection(ctx);
    }

    /**
     * Shares the caller's own unsubmitted cart {@code orderID} and makes it the caller's current cart. Refusals:
     * {@code SharedCart.FeatureDisabled} (settings), 404 (not visible), 403 (another user's order),
     * {@code Order.CannotModifyBadStatus}, {@code SharedCart.AlreadyShared}.
     */
    public Order share(Caller caller, String orderID) {
        requireBuyerUser(caller);
        if (!Boolean.TRUE.equals(settings.current().enabled())) {
            throw Errors.bad("SharedCart.FeatureDisabled", "Shared organization carts are disabled in this marketplace.");
        }
        Order shared = ctx.store().withOrder(orderID, s -> {
            access.requireModify(caller, Direction.Outgoing, s);
            if (Modifications.isShared(s.order())) {
                throw Errors.bad("SharedCart.AlreadyShared", "Order " + orderID + " is already shared with the organization.");
            }
            if (!caller.userID().equals(s.order().fromUserID())) {
                throw Errors.forbidden("only the user who created cart " + orderID + " may share it");
            }
            OrderAccess.requireUnsubmitted(s);
            Order next = Modifications.touched(s.order().toBuilder().sharedWithOrganization(true).build(), caller, ctx.now());
            return Mutation.commit(s.withOrder(next), next);
        });
        selection.select(caller, orderID);
        return shared;
    }

    /** Makes the shared cart {@code orderID} the caller's current cart ({@code SharedCart.NotShared} for other orders). */
    public Order switchTo(Caller caller, String orderID) {
        requireBuyerUser(caller);
        Order o = requireSharedCart(caller, orderID).order();
        selection.select(caller, orderID);
        return o;
    }

    /** Makes the caller's personal cart its current cart again. */
    public void switchToPersonal(Caller caller) {
        requireBuyerUser(caller);
        selection.clear(caller);
    }

    /** The shared cart the caller switched to, while it is still an unsubmitted shared cart of its buyer. */
    public Optional<Order> selectedSharedCart(Caller caller) {
        return selection.selected(caller);
    }

    /** The unsubmitted shared carts of the caller's buyer, oldest first: what it may switch to. */
    public List<Order> listSharedCarts(Caller caller) {
        requireBuyerUser(caller);
        return ctx.store().ordersOfCompany(caller.companyID()).stream().filter(s -> SharedCartSelection.isOpenSharedCart(caller, s)).map(OrderState::order).toList();
    }

    /** Every order the caller may see in {@code direction} that is of {@code type}, oldest first. */
    public List<Order> list(Caller caller, Direction direction, OrderType type) {
        return orders.list(caller, direction).stream().filter(type::matches).toList();
    }

    /** The caller's current cart ({@link CartService#current}: the chosen shared cart, else the personal cart). */
    public Order currentCart(Caller caller) {
        requireBuyerUser(caller);
        return cart.current(caller);
    }

    /** The caller's personal cart ({@link CartService#personal}), created (empty) when it has none. */
    public Order personalCart(Caller caller) {
        requireBuyerUser(caller);
        return cart.personal(caller);
    }

    /**
     * Unshares the shared cart {@code orderID} (see class doc) and makes the caller's personal cart current. Returns
     * the personal cart after the merge, or null for {@link UnshareMode#Remove}. Refusals: 404 (not visible),
     * {@code SharedCart.NotShared}, {@code Order.CannotModifyBadStatus}; a refused merge leaves both carts unchanged.
     */
    public Order unshare(Caller caller, String orderID, UnshareMode mode) {
        requireBuyerUser(caller);
        requireSharedCart(caller, orderID);
        String personalID = mode == UnshareMode.MergeIntoPersonal ? personalCart(caller).id() : null;
        OrderState taken = ctx.store().withOrder(orderID, s -> {
            access.requireModify(caller, Direction.Outgoing, s);
            requireShared(s);
            OrderAccess.requireUnsubmitted(s);
            return Mutation.delete(s);
        });
        Order personal = null;
        if (personalID != null) {
            try {
                personal = merger.merge(caller, personalID, taken.lineItems());
            } catch (RuntimeException e) {
                ctx.store().createOrder(taken);
                throw e;
            }
        }
        ctx.store().table(SharedCartTables.NOTICES).delete(orderID);
        selection.clear(caller);
        return personal;
    }

    private OrderState requireSharedCart(Caller caller, String orderID) {
        OrderState s = access.load(caller, Direction.Outgoing, orderID);
        requireShared(s);
        OrderAccess.requireUnsubmitted(s);
        return s;
    }

    private static void requireShared(OrderState s) {
        if (!Modifications.isShared(s.order())) {
            throw Errors.bad("SharedCart.NotShared", "Order " + s.id() + " is not a shared organization cart.");
        }
    }

    private static void requireBuyerUser(Caller caller) {
        if (!caller.isBuyer() || caller.invitationID() != null) {
            throw Errors.forbidden("only buyer users have carts");
        }
    }
}
