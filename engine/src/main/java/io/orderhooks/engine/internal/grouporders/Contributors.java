package io.orderhooks.engine.internal.grouporders;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.GroupOrderInvitation;
import io.orderhooks.core.model.Order;

/**
 * The rules for group-order contributor callers ({@link Caller#isGroupOrderContributor()}), shared by every
 * service a contributor token can reach, so they hold whatever route is used:
 *
 * <ul>
 *   <li>Every contributor request re-checks the invitation ({@link #requireLive}): a token of a deleted or
 *       expired invitation stops working at once (401 {@code GroupOrderInvitation.InvitationExpired}).
 *   <li>It may read its order and read, add, change and delete the line items carrying its invitation ID
 *       (others are invisible: 404). Anything else on its order is 403 {@code Auth.InsufficientRoles}
 *       ({@link #forbidden}); other orders are 404.
 *   <li>It browses and buys products as the order's creator sees them ({@link #catalogViewer}).
 * </ul>
 *
 * Stateless; thread-safe.
 */
public final class Contributors {

    /** The marker role a contributor token carries next to {@code Shopper} (OrderCloud does not name one). */
    public static final String ROLE = "GroupOrderContributor";

    private Contributors() {}

    /** 403 {@code Auth.InsufficientRoles}: a contributor token may never {@code what}. */
    public static OrderCloudException forbidden(String what) {
        return new OrderCloudException(403, "Auth.InsufficientRoles", "A group-order contributor token cannot " + what
                + "; it may only view its order, add, edit and delete its own line items, and browse products.");
    }

    /** Refuses a contributor caller (403, see {@link #forbidden}); does nothing for any other caller. */
    public static void refuse(Caller caller, String what) {
        if (caller.isGroupOrderContributor()) {
            throw forbidden(what);
        }
    }

    /**
     * The contributor's invitation if it still exists, is for the caller's order, has not expired and its order
     * still exists (a deleted order's invitations are dead even before {@code purgeExpired} removes them).
     *
     * @throws OrderCloudException 401 {@code GroupOrderInvitation.InvitationExpired} otherwise
     */
    public static GroupOrderInvitation requireLive(EngineContext ctx, Caller caller) {
        GroupOrderInvitation inv = ctx.store().table(Tables.GROUP_ORDER_INVITATIONS).find(caller.invitationID()).orElse(null);
        if (inv == null || !inv.orderID().equals(caller.orderID()) || !ctx.now().isBefore(inv.expirationDate())
                || ctx.store().order(inv.orderID()).isEmpty()) {
            throw new OrderCloudException(401, "GroupOrderInvitation.InvitationExpired",
                    "Group order invitation " + caller.invitationID() + " has expired or was deleted.");
        }
        return inv;
    }

    /**
     * Whose product visibility and prices apply to {@code caller}: for a contributor (after {@link #requireLive})
     * the creator of its order; anyone else sees the catalog as themselves.
     */
    public static Caller catalogViewer(EngineContext ctx, Caller caller) {
        if (!caller.isGroupOrderContributor()) {
            return caller;
        }
        requireLive(ctx, caller);
        return ctx.store().order(caller.orderID()).map(s -> creatorOf(s.order(), caller.clientID()))
                .orElseThrow(() -> new OrderCloudException(401, "GroupOrderInvitation.InvitationExpired",
                        "The order of group order invitation " + caller.invitationID() + " no longer exists."));
    }

    /** The buyer user who created {@code order}, as a caller through {@code clientID}. */
    public static Caller creatorOf(Order order, String clientID) {
        return Caller.buyer(order.fromUserID(), order.fromCompanyID(), clientID, "Shopper");
    }
}
