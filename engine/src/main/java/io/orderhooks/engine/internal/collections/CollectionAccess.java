package io.orderhooks.engine.internal.collections;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.collections.internal.CollectionTables;
import io.orderhooks.engine.internal.collections.internal.StoredCollection;
import io.orderhooks.engine.internal.collections.internal.StoredInvitation;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.core.error.OrderCloudException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Decides what a shopper may do with a collection of its own buyer. Stateless over the store; thread-safe. */
final class CollectionAccess {

    /** How a caller relates to one collection, strongest first. */
    enum Relation {
        OWNER, ADMIN, MEMBER, READER, NONE;

        boolean canRead() {
            return this != NONE;
        }

        boolean canEditEntries() {
            return this == OWNER || this == ADMIN;
        }
    }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final EngineContext ctx;

    CollectionAccess(EngineContext ctx) {
        this.ctx = ctx;
    }

    Optional<StoredCollection> find(String buyerID, String collectionID) {
        return ctx.store().table(CollectionTables.COLLECTIONS).find(Table.key(buyerID, collectionID));
    }

    List<StoredInvitation> invitations(StoredCollection c) {
        return ctx.store().table(CollectionTables.INVITATIONS).listWithPrefix(Table.key(c.buyerID(), c.id()) + "/");
    }

    /** The caller's relation; only buyer users of the collection's buyer relate to it at all. */
    Relation relation(Caller caller, StoredCollection c) {
        if (!caller.isBuyer() || !caller.companyID().equals(c.buyerID())) {
            return Relation.NONE;
        }
        if (!caller.anonymous()) {
            if (caller.userID().equals(c.ownerUserID())) {
                return Relation.OWNER;
            }
            List<StoredInvitation> mine = invitations(c).stream().filter(i -> i.acceptedBy(caller.userID())).toList();
            if (!mine.isEmpty()) {
                return mine.stream().anyMatch(StoredInvitation::admin) ? Relation.ADMIN : Relation.MEMBER;
            }
        }
        AccessLevel level = AccessLevel.parse(c.collection().accessLevel());
        return level == AccessLevel.Private ? Relation.NONE : Relation.READER;
    }

    /** The collection of the caller's buyer with its relation, or 404 when the caller may not read it. */
    Related readable(Caller caller, String collectionID) {
        requireBuyer(caller);
        StoredCollection c = find(caller.companyID(), collectionID).orElseThrow(() -> notFound(collectionID));
        Relation r = relation(caller, c);
        if (!r.canRead()) {
            throw notFound(collectionID);
        }
        return new Related(c, r);
    }

    /** The caller's own collection; 404 when it cannot read it, 403 when it can but is not the owner. */
    StoredCollection owned(Caller caller, String collectionID) {
        requireRegistered(caller);
        Related r = readable(caller, collectionID);
        if (r.relation() != Relation.OWNER) {
            throw Errors.forbidden("only the owner of product collection " + collectionID + " may do this");
        }
        return r.collection();
    }

    record Related(StoredCollection collection, Relation relation) {}

    static void requireBuyer(Caller caller) {
        if (!caller.isBuyer()) {
            throw Errors.forbidden("product collections belong to buyer users");
        }
    }

    /** Anonymous shoppers may read Public and Shareable collections but never own or change anything. */
    static void requireRegistered(Caller caller) {
        requireBuyer(caller);
        if (caller.anonymous()) {
            throw new OrderCloudException(403, "ProductCollection.RequiresRegisteredUser",
                    "Only registered users can create or change product collections");
        }
    }

    static String validID(String id) {
        if (!ID.matcher(id).matches()) {
            throw OrderCloudException.validation("ID may only contain letters, numbers, '-' and '_' (at most 100): " + id);
        }
        return id;
    }

    static OrderCloudException notFound(String collectionID) {
        return Errors.notFound("ProductCollection", collectionID);
    }
}
