package io.orderhooks.engine.internal.cart;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.orders.Direction;
import io.orderhooks.engine.internal.orders.Modifications;
import io.orderhooks.engine.internal.orders.OrderService;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.sharedcarts.SharedCartSelection;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.User;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import java.util.Optional;
import io.orderhooks.core.error.OrderCloudException;

/**
 * The caller's current cart ({@code v1/cart}).
 *
 * <ul>
 *   <li>A group-order contributor (a token with {@link Caller#invitationID()}) always works on its invitation's
 *       order ({@link Caller#orderID()}); no cart is ever created for it.
 *   <li>Any other buyer user: the shared organization cart it switched to ({@link SharedCartSelection}) while that
 *       is still an unsubmitted shared cart of its buyer; else the order it chose with {@link #setCurrent} while that order is still its own
 *       {@code Unsubmitted} order; else its most recently created {@code Unsubmitted} outgoing order that it
 *       created itself; else a new, empty order created on first use.
 *   <li>An anonymous shopper (a token with {@link Caller#anonymous()}): the order its token reserved
 *       ({@link Caller#orderID()}), created with that ID on first use; anonymous shoppers never share a cart.
 *   <li>Sellers and suppliers have no cart: {@code Order.CreateIncomingRequiresFromUser} (as creating one).
 * </ul>
 *
 * <p>Thread-safe, also across engine instances on one database: the first-use creation claims the user's cart pointer
 * ({@link #CURRENT_CARTS}) with one atomic insert (or, when it points at a cart that is no longer usable, one atomic
 * compare-and-set update); a cart is only returned once the pointer names it, and the loser of a race deletes the
 * empty order it created and gets the winner's cart, so two concurrent first requests get one cart, not two. An anonymous shopper's cart has its token's order ID, so its
 * creation is the atomic insert of the order itself.
 */
public final class CartService {

    /** key {@code buyerID/userID}: the order a user chose as its cart with {@code PUT v1/cart/{orderID}}. */
    public static final Table<String> CURRENT_CARTS = Table.of("currentcarts", String.class);

    /** How often a first-use creation that lost a race re-reads the winner's cart before giving up. */
    private static final int CLAIM_ATTEMPTS = 3;

    private final EngineContext ctx;
    private final OrderService orders;
    private final SharedCartSelection shared;

    public CartService(EngineContext ctx, OrderService orders) {
        this.ctx = ctx;
        this.orders = orders;
        this.shared = new SharedCartSelection(ctx);
    }

    /** The caller's cart (the shared cart it switched to, else its personal cart), created (empty) on first use. */
    public Order current(Caller caller) {
        if (caller.invitationID() != null) {
            return contributorCart(caller);
        }
        requireBuyer(caller);
        Optional<Order> sharedCart = shared.selected(caller);
        return sharedCart.isPresent() ? sharedCart.get() : personal(caller);
    }

    /** The caller's personal cart (never a shared one), created (empty) on first use. */
    public Order personal(Caller caller) {
        requireBuyer(caller);
        if (caller.anonymous() && caller.orderID() != null) {
            return findPersonal(caller).orElseGet(() -> createAnonymous(caller));
        }
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            // read the pointer once: the claim below replaces exactly this value, and only when it names no usable cart
            String seen = ctx.store().table(CURRENT_CARTS).find(key(caller)).orElse(null);
            Optional<Order> chosen = usable(caller, seen);
            if (chosen.isPresent()) {
                return chosen.get();
            }
            Optional<Order> existing = newestOwn(caller);
            Order candidate = existing.orElseGet(() -> orders.create(caller, Order.builder().build()));
            if (claim(caller, seen, candidate.id())
                    || candidate.id().equals(ctx.store().table(CURRENT_CARTS).find(key(caller)).orElse(null))) {
                return candidate;
            }
            if (existing.isEmpty()) {
                ctx.store().withOrder(candidate.id(), s -> Mutation.delete(Boolean.TRUE));
            }
        }
        throw new OrderCloudException(503, "ServiceUnavailable", "The cart of user " + caller.userID()
                + " kept changing while it was created; try again.");
    }

    /** The anonymous shopper's order, created with its token's ID; a concurrent creation's 409 means it exists now. */
    private Order createAnonymous(Caller caller) {
        try {
            return orders.create(caller, Order.builder().id(caller.orderID()).build());
        } catch (OrderCloudException e) {
            if (e.status() != 409) {
                throw e;
            }
            return findPersonal(caller).orElseThrow(() -> e);
        }
    }

    /**
     * Points the user's cart at {@code orderID} if the pointer is still {@code seen} (absent: one atomic insert; else
     * one atomic compare-and-set update). False when another request changed it first.
     */
    private boolean claim(Caller caller, String seen, String orderID) {
        try {
            if (seen == null) {
                ctx.store().table(CURRENT_CARTS).insert(key(caller), orderID);
            } else {
                ctx.store().table(CURRENT_CARTS).update(key(caller), now -> {
                    if (!now.equals(seen)) {
                        throw new OrderCloudException(409, "IdExists", "cart pointer changed");
                    }
                    return orderID;
                });
            }
            return true;
        } catch (OrderCloudException e) {
            if (e.status() == 409 || e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** The caller's cart if it has one now; never creates one ({@code DELETE v1/cart}). */
    public Optional<Order> find(Caller caller) {
        if (caller.invitationID() != null) {
            return Optional.of(contributorCart(caller));
        }
        if (!caller.isBuyer()) {
            return Optional.empty();
        }
        Optional<Order> sharedCart = shared.selected(caller);
        if (sharedCart.isPresent()) {
            return sharedCart;
        }
        return findPersonal(caller);
    }

    private Optional<Order> findPersonal(Caller caller) {
        if (caller.anonymous() && caller.orderID() != null) {
            return ctx.store().order(caller.orderID()).filter(s -> isOwnCart(caller, s)).map(OrderState::order);
        }
        Optional<Order> chosen = pointed(caller);
        return chosen.isPresent() ? chosen : newestOwn(caller);
    }

    /** The order the user's cart pointer names, while it is still the user's own unsubmitted cart. */
    private Optional<Order> pointed(Caller caller) {
        return usable(caller, ctx.store().table(CURRENT_CARTS).find(key(caller)).orElse(null));
    }

    /** Order {@code orderID} while it is the caller's own unsubmitted cart. */
    private Optional<Order> usable(Caller caller, String orderID) {
        return ctx.store().order(orderID).filter(s -> isOwnCart(caller, s)).map(OrderState::order);
    }

    /** The user's most recently created own unsubmitted order (a cart it created before any pointer existed). */
    private Optional<Order> newestOwn(Caller caller) {
        Order newest = null;
        for (OrderState s : ctx.store().ordersFromUser(caller.companyID(), caller.userID())) {
            // newest DateCreated wins; among equal dates, the later-created (store order) one
            if (isOwnCart(caller, s) && (newest == null || !s.order().dateCreated().isBefore(newest.dateCreated()))) {
                newest = s.order();
            }
        }
        return Optional.ofNullable(newest);
    }

    /**
     * {@code PUT v1/cart/{orderID}}: makes an existing {@code Unsubmitted} order that the caller created its
     * current cart. 404 when the caller cannot see it; {@code Order.CannotModifyBadStatus} when it is
     * submitted or the caller did not create it. Contributors cannot switch carts (403).
     */
    public Order setCurrent(Caller caller, String orderID) {
        if (caller.invitationID() != null) {
            throw Errors.forbidden("a group-order contributor's cart is its invitation's order " + caller.orderID());
        }
        requireBuyer(caller);
        Order order = orders.get(caller, Direction.Outgoing, orderID);
        OrderState s = ctx.store().order(orderID).orElseThrow(() -> Errors.notFound("Order", orderID));
        if (SharedCartSelection.isOpenSharedCart(caller, s)) {
            shared.select(caller, orderID);
            return order;
        }
        if (!isOwnCart(caller, s)) {
            throw Errors.bad("Order.CannotModifyBadStatus", "Order " + orderID + " is " + order.status()
                    + " or was not created by user " + caller.userID() + "; only the user's own Unsubmitted orders can be its cart.");
        }
        ctx.store().table(CURRENT_CARTS).put(key(caller), orderID);
        shared.clear(caller);
        return order;
    }

    /**
     * {@code PUT v1/me/orders?anonUserToken=...}: gives the signed-in buyer user {@code to} the cart of the anonymous
     * shopper {@code anon} (the order its token reserved) when that order exists, is {@code Unsubmitted} and belongs to
     * the same buyer; the order's {@code FromUser} becomes {@code to} and it becomes {@code to}'s current cart. Nothing
     * to transfer is not an error. 403 unless {@code to} is a registered buyer user; 400 {@code ValidationFailure}
     * unless {@code anon} is an anonymous shopper of {@code to}'s buyer.
     */
    public Optional<Order> transferAnonymous(Caller to, Caller anon) {
        if (!to.isBuyer() || to.anonymous() || to.isGroupOrderContributor()) {
            throw Errors.forbidden("only a signed-in buyer user can take over an anonymous shopper's order");
        }
        if (!anon.anonymous() || anon.orderID() == null || !anon.companyID().equals(to.companyID())) {
            throw OrderCloudException.validation("anonUserToken must be an anonymous shopper token of buyer " + to.companyID());
        }
        if (ctx.store().order(anon.orderID()).filter(s -> isOwnCart(anon, s)).isEmpty()) {
            return Optional.empty();
        }
        User user = ctx.store().table(Tables.USERS).find(Table.key(to.companyID(), to.userID()))
                .orElseThrow(() -> Errors.notFound("User", to.userID()));
        Order moved = ctx.store().withOrder(anon.orderID(), s -> {
            if (!isOwnCart(anon, s)) {
                return Mutation.unchanged((Order) null);
            }
            OrderState next = s.withOrder(s.order().toBuilder().fromUserID(to.userID()).fromUser(user.toBuilder().password(null).build())
                    .lastUpdated(ctx.now()).build());
            return Mutation.commit(next, next.order());
        });
        if (moved != null) {
            ctx.store().table(CURRENT_CARTS).put(key(to), moved.id());
        }
        return Optional.ofNullable(moved);
    }

    private Order contributorCart(Caller caller) {
        if (caller.orderID() == null) {
            throw Errors.notFound("Order", "cart");
        }
        return orders.get(caller, Direction.Outgoing, caller.orderID());
    }

    private static boolean isOwnCart(Caller caller, OrderState s) {
        Order o = s.order();
        return o.status() == OrderStatus.Unsubmitted && caller.companyID().equals(o.fromCompanyID())
                && caller.userID().equals(o.fromUserID()) && !Modifications.isShared(o);
    }

    private static void requireBuyer(Caller caller) {
        if (!caller.isBuyer()) {
            throw Errors.bad("Order.CreateIncomingRequiresFromUser", "Only buyer users have a cart.");
        }
    }

    private static String key(Caller caller) {
        return Table.key(caller.companyID(), caller.userID());
    }
}
