package io.orderhooks.engine.internal.collections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.collections.internal.CollectionTables;
import io.orderhooks.engine.internal.collections.internal.StoredCollection;
import io.orderhooks.engine.internal.collections.internal.StoredInvitation;
import io.orderhooks.engine.internal.messages.MessageSender;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.ProductCollectionInvitation;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Invitations to a product collection. Only the owner creates, lists, reads, changes and deletes them
 * (others: 404 when they cannot read the collection, else 403). IDs are generated ({@code ID} in a body is
 * ignored), {@code Accepted} is read-only (ignored on write), {@code Name} is required, and
 * {@code ExpirationDate} defaults to 30 days after creation and may be at most 365 days after creation and not
 * in the past (400 {@code ProductCollectionInvitation.InvalidExpiration}).
 *
 * <p>Accepting or declining takes a registered user (anonymous: 403
 * {@code ProductCollectionInvitation.RequiresRegisteredUser}) of the collection's buyer (others: 404), not the
 * owner (400 {@code ProductCollectionInvitation.CannotUseOwnInvitation}), before {@code ExpirationDate} (400
 * {@code ProductCollectionInvitation.InvitationExpired}). An invitation is used once: after it was accepted or
 * declined, any other use is 400 {@code ProductCollectionInvitation.AlreadyUsed}, except that the user who
 * accepted may accept again (a no-op). Deleting an accepted invitation revokes the invitee's access; deleting a
 * pending one makes it unusable (404). Access granted by acceptance does not expire.
 *
 * <p>Accepting and declining send {@code ProductCollectionInvitationAccepted} / {@code ...Declined} to the
 * owner through the {@link MessageSender}, with the event body {@code {ProductCollection,
 * ProductCollectionInvitation, User}} (the invitee, password removed). Thread-safe; using an invitation is
 * atomic, so two users racing for one invitation cannot both get it.
 */
public final class ProductCollectionInvitationService {

    public static final String ACCEPTED = "ProductCollectionInvitationAccepted";
    public static final String DECLINED = "ProductCollectionInvitationDeclined";
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);
    static final Duration MAX_LIFETIME = Duration.ofDays(365);

    private final EngineContext ctx;
    private final CollectionAccess access;
    private final MessageSender messages;

    public ProductCollectionInvitationService(EngineContext ctx, MessageSender messages) {
        this.ctx = ctx;
        this.access = new CollectionAccess(ctx);
        this.messages = messages;
    }

    private Repository<StoredInvitation> invitations() {
        return ctx.store().table(CollectionTables.INVITATIONS);
    }

    public ProductCollectionInvitation create(Caller caller, String collectionID, ProductCollectionInvitation body) {
        StoredCollection c = access.owned(caller, collectionID);
        OffsetDateTime now = ctx.now();
        ProductCollectionInvitation inv = validated(ctx.ids().next(), body, now, now, false);
        invitations().insert(key(c, inv.id()), new StoredInvitation(inv, now, null, false));
        return inv;
    }

    public List<ProductCollectionInvitation> list(Caller caller, String collectionID) {
        return access.invitations(access.owned(caller, collectionID)).stream().map(StoredInvitation::invitation).toList();
    }

    public ProductCollectionInvitation get(Caller caller, String collectionID, String invitationID) {
        StoredCollection c = access.owned(caller, collectionID);
        return invitations().find(key(c, invitationID)).map(StoredInvitation::invitation)
                .orElseThrow(() -> notFound(invitationID));
    }

    /** Replaces Name, Admin, ExpirationDate and xp (PATCH merges onto {@link #get} first); changing Admin applies at once. */
    public ProductCollectionInvitation update(Caller caller, String collectionID, String invitationID, ProductCollectionInvitation body) {
        StoredCollection c = access.owned(caller, collectionID);
        OffsetDateTime now = ctx.now();
        return updateStored(c, invitationID, s -> new StoredInvitation(
                validated(invitationID, body, s.dateCreated(), s.pending() ? now : null, Boolean.TRUE.equals(s.invitation().accepted())),
                s.dateCreated(), s.usedBy(), s.declined())).invitation();
    }

    /** Deletes an invitation: revokes access when it was accepted, prevents any use when it was pending. */
    public void delete(Caller caller, String collectionID, String invitationID) {
        StoredCollection c = access.owned(caller, collectionID);
        if (!invitations().delete(key(c, invitationID))) {
            throw notFound(invitationID);
        }
    }

    /** The caller accepts; the owner is sent {@value #ACCEPTED}. */
    public void accept(Caller caller, String collectionID, String invitationID) {
        use(caller, collectionID, invitationID, false);
    }

    /** The caller declines; the owner is sent {@value #DECLINED}. */
    public void decline(Caller caller, String collectionID, String invitationID) {
        use(caller, collectionID, invitationID, true);
    }

    private void use(Caller caller, String collectionID, String invitationID, boolean decline) {
        CollectionAccess.requireBuyer(caller);
        if (caller.anonymous()) {
            throw new OrderCloudException(403, "ProductCollectionInvitation.RequiresRegisteredUser",
                    "Only registered users can accept or decline a product collection invitation");
        }
        StoredCollection c = access.find(caller.companyID(), collectionID).orElseThrow(() -> CollectionAccess.notFound(collectionID));
        if (c.ownerUserID().equals(caller.userID())) {
            throw Errors.bad("ProductCollectionInvitation.CannotUseOwnInvitation",
                    "The owner of a product collection cannot accept or decline its invitations");
        }
        OffsetDateTime now = ctx.now();
        boolean[] changed = {false};
        StoredInvitation used = updateStored(c, invitationID, s -> {
            if (!s.pending()) {
                if (!decline && s.acceptedBy(caller.userID())) {
                    return s;
                }
                throw Errors.bad("ProductCollectionInvitation.AlreadyUsed",
                        "Invitation " + invitationID + " has already been " + (s.declined() ? "declined" : "accepted"));
            }
            if (!now.isBefore(s.invitation().expirationDate())) {
                throw Errors.bad("ProductCollectionInvitation.InvitationExpired", "Invitation " + invitationID + " has expired");
            }
            changed[0] = true;
            ProductCollectionInvitation i = s.invitation();
            return new StoredInvitation(new ProductCollectionInvitation(i.id(), i.name(), i.admin(), !decline,
                    i.expirationDate(), i.xp()), s.dateCreated(), caller.userID(), decline);
        });
        if (changed[0]) {
            notifyOwner(caller, c, used, decline ? DECLINED : ACCEPTED);
        }
    }

    private void notifyOwner(Caller caller, StoredCollection c, StoredInvitation used, String messageType) {
        ObjectNode body = OrderCloudJson.mapper().createObjectNode();
        body.set("ProductCollection", OrderCloudJson.mapper().valueToTree(c.collection()));
        body.set("ProductCollectionInvitation", OrderCloudJson.mapper().valueToTree(used.invitation()));
        body.set("User", ctx.store().table(Tables.USERS).find(Table.key(c.buyerID(), caller.userID()))
                .map(u -> (JsonNode) OrderCloudJson.mapper().valueToTree(u.toBuilder().password(null).build()))
                .orElse(OrderCloudJson.mapper().createObjectNode().put("ID", caller.userID())));
        messages.send(caller, messageType, c.buyerID(), List.of(c.ownerUserID()), c.buyerID(), body);
    }

    private StoredInvitation updateStored(StoredCollection c, String invitationID,
            UnaryOperator<StoredInvitation> change) {
        String key = key(c, invitationID);
        if (invitations().find(key).isEmpty()) {
            throw notFound(invitationID);
        }
        return invitations().update(key, change);
    }

    /** {@code now} null: the invitation was used, so its expiration need not lie in the future. */
    private static ProductCollectionInvitation validated(String id, ProductCollectionInvitation body,
            OffsetDateTime created, OffsetDateTime now, boolean accepted) {
        if (body.name() == null || body.name().isBlank()) {
            throw Errors.required("Name");
        }
        OffsetDateTime expires = body.expirationDate() == null ? created.plus(DEFAULT_LIFETIME)
                : body.expirationDate().withOffsetSameInstant(ZoneOffset.UTC);
        if (expires.isAfter(created.plus(MAX_LIFETIME)) || (now != null && !expires.isAfter(now))) {
            throw Errors.bad("ProductCollectionInvitation.InvalidExpiration",
                    "ExpirationDate must be in the future and at most 365 days after the invitation was created ("
                            + created.plus(MAX_LIFETIME) + ")");
        }
        return new ProductCollectionInvitation(id, body.name(), Boolean.TRUE.equals(body.admin()), accepted, expires, body.xp());
    }

    private static String key(StoredCollection c, String invitationID) {
        return Table.key(c.buyerID(), c.id(), invitationID);
    }

    private static OrderCloudException notFound(String invitationID) {
        return Errors.notFound("ProductCollectionInvitation", invitationID);
    }
}
