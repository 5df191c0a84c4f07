package io.orderhooks.engine.internal.sharedcarts;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.orders.OrderAccess;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.sharedcarts.internal.SharedCartTables;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import java.util.Optional;

/**
 * Which shared organization cart each buyer user switched to (stored per {@code buyerID/userID}; no entry = its
 * personal cart is current). The cart service consults {@link #selected} first when resolving a user's current cart.
 * Does no access checks of its own: callers check before {@link #select}. Thread-safe.
 */
public final class SharedCartSelection {

    private final EngineContext ctx;

    public SharedCartSelection(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** The shared cart the caller switched to, while it is still an unsubmitted shared cart of the caller's buyer. */
    public Optional<Order> selected(Caller caller) {
        if (!caller.isBuyer() || caller.invitationID() != null) {
            return Optional.empty();
        }
        return table().find(key(caller)).flatMap(ctx.store()::order).filter(s -> isOpenSharedCart(caller, s)).map(OrderState::order);
    }

    /** Makes {@code orderID} the caller's current cart. */
    public void select(Caller caller, String orderID) {
        table().put(key(caller), orderID);
    }

    /** Makes the caller's personal cart current again. */
    public void clear(Caller caller) {
        table().delete(key(caller));
    }

    /** Whether {@code s} is an unsubmitted shared cart of the caller's buyer, which the caller may use. */
    public static boolean isOpenSharedCart(Caller caller, OrderState s) {
        return OrderAccess.isOrganizationMember(caller, s.order()) && s.order().status() == OrderStatus.Unsubmitted;
    }

    private Repository<String> table() {
        return ctx.store().table(SharedCartTables.SELECTIONS);
    }

    private static String key(Caller caller) {
        return Table.key(caller.companyID(), caller.userID());
    }
}
