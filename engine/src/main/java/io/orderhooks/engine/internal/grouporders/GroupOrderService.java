package io.orderhooks.engine.internal.grouporders;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.GroupOrderInvitation;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Group ordering: the order creator's invitations ({@code v1/me/orderinvitations}), contributor grants
 * ({@code POST v1/grouporders/{invitationID}/token}) and the purge of expired invitations.
 *
 * <p>Only a buyer user with {@code Shopper} may manage invitations, and only for orders it created (others'
 * orders and invitations are 404). An invitation needs an {@code Unsubmitted} order
 * ({@code GroupOrder.CannotModifySubmittedOrder}), an {@code ExpirationDate} in the future and at most one year
 * out ({@code GroupOrderInvitation.InvalidExpiration}), and an order has at most {@value #MAX_PER_ORDER}
 * ({@code GroupOrderInvitation.InvitationQuantityExceeded}). Creating runs under the order's lock, so the limit
 * holds under concurrency. {@code OrderStatus} is read from the order on every read.
 *
 * <p>Thread-safe; time is the engine's clock. A failed call changes nothing.
 */
public final class GroupOrderService {

    /** The most invitations one order may have. */
    public static final int MAX_PER_ORDER = 100;

    private final EngineContext ctx;

    public GroupOrderService(EngineContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /** Creates an invitation for an order the caller created; the ID is always generated. */
    public GroupOrderInvitation create(Caller caller, GroupOrderInvitation body) {
        requireShopper(caller);
        if (body.orderID() == null || body.orderID().isBlank()) {
            throw Errors.required("OrderID");
        }
        if (body.expirationDate() == null) {
            throw Errors.required("ExpirationDate");
        }
        return ctx.store().withOrder(body.orderID(), s -> {
            requireCreator(caller, s);
            requireUnsubmitted(s);
            OffsetDateTime expires = validExpiration(body.expirationDate());
            long existing = table().list().stream().filter(i -> s.id().equals(i.orderID())).count();
            if (existing >= MAX_PER_ORDER) {
                throw Errors.bad("GroupOrderInvitation.InvitationQuantityExceeded", "Order " + s.id() + " already has the maximum of "
                        + MAX_PER_ORDER + " invitations.", java.util.Map.of("OrderID", s.id(), "Limit", MAX_PER_ORDER));
            }
            GroupOrderInvitation inv = new GroupOrderInvitation(ctx.ids().next(), body.name(), s.id(), expires, null, body.xp());
            table().insert(inv.id(), inv);
            if (caller.clientID() != null) {
                clients().put(inv.id(), caller.clientID());
            }
            return Mutation.unchanged(inv.withOrderStatus(s.order().status()));
        });
    }

    /** The invitations of every order the caller created, oldest first (the API layer filters, sorts, pages). */
    public List<GroupOrderInvitation> list(Caller caller) {
        requireShopper(caller);
        List<GroupOrderInvitation> out = new ArrayList<>();
        for (GroupOrderInvitation inv : table().list()) {
            ctx.store().order(inv.orderID()).filter(s -> createdBy(caller, s.order()))
                    .ifPresent(s -> out.add(inv.withOrderStatus(s.order().status())));
        }
        return out;
    }

    /** One of the caller's invitations; 404 when missing or of an order the caller did not create. */
    public GroupOrderInvitation get(Caller caller, String invitationID) {
        requireShopper(caller);
        GroupOrderInvitation inv = table().find(invitationID).orElseThrow(() -> notFound(invitationID));
        OrderState s = ctx.store().order(inv.orderID()).filter(o -> createdBy(caller, o.order())).orElseThrow(() -> notFound(invitationID));
        return inv.withOrderStatus(s.order().status());
    }

    /** Changes name, expiration and xp (replaced) of an invitation of an unsubmitted order the caller created. */
    public GroupOrderInvitation patch(Caller caller, String invitationID, InvitationPatch p) {
        GroupOrderInvitation current = get(caller, invitationID);
        return ctx.store().withOrder(current.orderID(), s -> {
            GroupOrderInvitation inv = table().find(invitationID).orElseThrow(() -> notFound(invitationID));
            if (p.orderID() != null && !p.orderID().equals(inv.orderID())) {
                throw OrderCloudException.validation("OrderID of an invitation cannot be changed");
            }
            requireUnsubmitted(s);
            OffsetDateTime expires = p.expirationDate() == null ? inv.expirationDate() : validExpiration(p.expirationDate());
            GroupOrderInvitation next = new GroupOrderInvitation(inv.id(), p.name() == null ? inv.name() : p.name(),
                    inv.orderID(), expires, null, p.xp() == null ? inv.xp() : p.xp());
            table().put(next.id(), next);
            return Mutation.unchanged(next.withOrderStatus(s.order().status()));
        });
    }

    /**
     * Deletes one of the caller's invitations, whatever its order's status. Tokens granted from it stop working
     * at once (every contributor request re-checks its invitation).
     */
    public void delete(Caller caller, String invitationID) {
        get(caller, invitationID);
        if (!table().delete(invitationID)) {
            throw notFound(invitationID);
        }
        clients().delete(invitationID);
    }

    /**
     * What a contributor token for {@code invitationID} must carry (see {@link ContributorGrant}). Anyone holding
     * the ID may ask: the ID is the secret. The order may be submitted (the token then reads only).
     *
     * @throws OrderCloudException 404 {@code NotFound} for an unknown invitation (or one whose order is gone);
     *     400 {@code GroupOrderInvitation.InvitationExpired} once its {@code ExpirationDate} has passed
     */
    public ContributorGrant contributorGrant(String invitationID) {
        GroupOrderInvitation inv = table().find(invitationID).orElseThrow(() -> notFound(invitationID));
        if (!ctx.now().isBefore(inv.expirationDate())) {
            throw Errors.bad("GroupOrderInvitation.InvitationExpired", "Group order invitation " + invitationID + " expired at "
                    + inv.expirationDate() + "; no token can be granted.");
        }
        Order o = ctx.store().order(inv.orderID()).map(OrderState::order).orElseThrow(() -> notFound(invitationID));
        return new ContributorGrant("grouporder-" + inv.id(), "grouporder-" + inv.id(), o.fromCompanyID(),
                List.of("Shopper", Contributors.ROLE), inv.id(), o.id(), inv.expirationDate(), clients().find(inv.id()).orElse(null));
    }

    /**
     * Deletes every invitation whose {@code ExpirationDate} is not after now (engine clock), and every invitation
     * whose order no longer exists. Returns the deleted IDs. Safe to run concurrently with anything.
     */
    public List<String> purgeExpired() {
        OffsetDateTime now = ctx.now();
        List<String> purged = new ArrayList<>();
        for (GroupOrderInvitation inv : table().list()) {
            boolean dead = !now.isBefore(inv.expirationDate()) || ctx.store().order(inv.orderID()).isEmpty();
            if (dead && table().delete(inv.id())) {
                clients().delete(inv.id());
                purged.add(inv.id());
            }
        }
        return purged;
    }

    /** The invitation regardless of caller (for the API's token revocation check); empty when gone. */
    public Optional<GroupOrderInvitation> find(String invitationID) {
        return table().find(invitationID);
    }

    private Repository<GroupOrderInvitation> table() {
        return ctx.store().table(Tables.GROUP_ORDER_INVITATIONS);
    }

    private Repository<String> clients() {
        return ctx.store().table(Tables.GROUP_ORDER_INVITATION_CLIENTS);
    }

    private OffsetDateTime validExpiration(OffsetDateTime requested) {
        OffsetDateTime now = ctx.now();
        OffsetDateTime utc = requested.withOffsetSameInstant(ZoneOffset.UTC);
        if (!utc.isAfter(now) || utc.isAfter(now.plusYears(1))) {
            throw Errors.bad("GroupOrderInvitation.InvalidExpiration", "ExpirationDate must be in the future and at most one year from now ("
                    + now.plusYears(1) + ").", java.util.Map.of("ExpirationDate", requested.toString()));
        }
        return utc;
    }

    private static void requireShopper(Caller caller) {
        Contributors.refuse(caller, "manage group order invitations");
        if (!caller.isBuyer()) {
            throw new OrderCloudException(403, "Auth.UserNotAuthorizedToAdmin",
                    "Only buyer users may manage group order invitations.");
        }
        if (!caller.hasRole("Shopper")) {
            throw new OrderCloudException(403, "Auth.InsufficientRoles",
                    "Only buyer users with the Shopper role may manage group order invitations.");
        }
    }

    private static void requireCreator(Caller caller, OrderState s) {
        if (!createdBy(caller, s.order())) {
            throw Errors.notFound("Order", s.id());
        }
    }

    private static boolean createdBy(Caller caller, Order o) {
        return caller.userID().equals(o.fromUserID()) && caller.companyID().equals(o.fromCompanyID());
    }

    private static void requireUnsubmitted(OrderState s) {
        if (s.order().status() != OrderStatus.Unsubmitted) {
            throw Errors.bad("GroupOrder.CannotModifySubmittedOrder", "Order " + s.id() + " is " + s.order().status()
                    + "; invitations can only be created or changed for Unsubmitted orders.");
        }
    }

    private static OrderCloudException notFound(String invitationID) {
        return Errors.notFound("GroupOrderInvitation", invitationID);
    }
}
