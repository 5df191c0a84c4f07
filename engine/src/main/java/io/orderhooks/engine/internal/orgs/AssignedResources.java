package io.orderhooks.engine.internal.orgs;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.catalog.ProductAccess;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A buyer-scoped resource that the seller administers and assigns to the buyer's users or user groups
 * (cost centers, credit cards). Values are keyed {@code buyerID/ID}, assignments
 * {@code buyerID/ID/userID-or-empty/groupID-or-empty}. A buyer user sees only what is assigned to them or to
 * one of their groups (anything else is 404, as if it did not exist). Thread-safe.
 */
public final class AssignedResources<T> {

    private final EngineContext ctx;
    private final String resource;
    private final Table<T> table;
    private final Table<ResourceAssignment> assignments;
    private final Function<T, String> idOf;

    public AssignedResources(EngineContext ctx, String resource, Table<T> table, Table<ResourceAssignment> assignments,
            Function<T, String> idOf) {
        this.ctx = ctx;
        this.resource = resource;
        this.table = table;
        this.assignments = assignments;
        this.idOf = idOf;
    }

    /** A new ID when {@code id} is blank, else {@code id}. */
    public String idOrNew(String id) {
        return id == null || id.isBlank() ? ctx.ids().next() : id;
    }

    /** Stores a value under its ID (seller only); {@code create} refuses a taken ID with 409 {@code IdExists}. */
    public T save(Caller caller, String buyerID, T value, boolean create) {
        Errors.requireSeller(caller);
        return store(buyerID, value, create);
    }

    /** Stores a value without the seller check (the caller's own resource through {@code v1/me}). */
    public T store(String buyerID, T value, boolean create) {
        ctx.store().table(Tables.BUYERS).find(buyerID).orElseThrow(() -> Errors.notFound("Buyer", buyerID));
        String key = Table.key(buyerID, idOf.apply(value));
        repo().save(key, value, create);
        return value;
    }

    public T get(Caller caller, String buyerID, String id) {
        OrgService.requireCompany(caller, buyerID);
        T value = repo().find(Table.key(buyerID, id)).orElseThrow(() -> Errors.notFound(resource, id));
        if (caller.isBuyer() && !usable(caller, buyerID, id)) {
            throw Errors.notFound(resource, id);
        }
        return value;
    }

    /** Everything of the buyer for the seller; what the caller may use for a buyer user. */
    public List<T> list(Caller caller, String buyerID) {
        OrgService.requireCompany(caller, buyerID);
        return repo().listWithPrefix(buyerID + "/").stream()
                .filter(v -> caller.isSeller() || usable(caller, buyerID, idOf.apply(v))).toList();
    }

    /** Deletes the value and its assignments (seller only). */
    public void delete(Caller caller, String buyerID, String id) {
        Errors.requireSeller(caller);
        remove(buyerID, id);
    }

    /** Deletes the value and its assignments without the seller check. */
    public void remove(String buyerID, String id) {
        if (!repo().delete(Table.key(buyerID, id))) {
            throw Errors.notFound(resource, id);
        }
        Repository<ResourceAssignment> a = ctx.store().table(assignments);
        a.listWithPrefix(Table.key(buyerID, id) + "/").forEach(x -> a.delete(key(buyerID, x)));
    }

    /** Assigns to the buyer, a user group or a user of it; the resource, user and group must exist. */
    public void assign(Caller caller, String buyerID, ResourceAssignment a) {
        Errors.requireSeller(caller);
        if (a.resourceID() == null || a.resourceID().isBlank()) {
            throw Errors.required(resource + "ID");
        }
        if (a.userID() != null && a.userGroupID() != null) {
            throw OrderCloudException.validation("Assign to a UserID or a UserGroupID, not both");
        }
        get(caller, buyerID, a.resourceID());
        if (a.userID() != null && ctx.store().table(Tables.USERS).find(Table.key(buyerID, a.userID())).isEmpty()) {
            throw Errors.notFound("User", a.userID());
        }
        if (a.userGroupID() != null && ctx.store().table(Tables.USER_GROUPS).find(Table.key(buyerID, a.userGroupID())).isEmpty()) {
            throw Errors.notFound("UserGroup", a.userGroupID());
        }
        ctx.store().table(assignments).put(key(buyerID, a), a);
    }

    public void unassign(Caller caller, String buyerID, String id, String userID, String groupID) {
        Errors.requireSeller(caller);
        if (!ctx.store().table(assignments).delete(key(buyerID, new ResourceAssignment(id, userID, groupID)))) {
            throw Errors.notFound(resource + "Assignment", id);
        }
    }

    public List<ResourceAssignment> listAssignments(Caller caller, String buyerID) {
        OrgService.requireCompany(caller, buyerID);
        Set<String> groups = caller.isBuyer() ? new ProductAccess(ctx).groupsOf(buyerID, caller.userID()) : Set.of();
        return ctx.store().table(assignments).listWithPrefix(buyerID + "/").stream()
                .filter(a -> caller.isSeller() || applies(a, caller.userID(), groups)).toList();
    }

    /** Whether a buyer user may use the resource: assigned to the buyer, one of the user's groups or the user. */
    public boolean usable(Caller caller, String buyerID, String id) {
        Set<String> groups = new ProductAccess(ctx).groupsOf(buyerID, caller.userID());
        return ctx.store().table(assignments).listWithPrefix(Table.key(buyerID, id) + "/").stream()
                .anyMatch(a -> applies(a, caller.userID(), groups));
    }

    private static boolean applies(ResourceAssignment a, String userID, Set<String> groups) {
        return (a.userID() == null && a.userGroupID() == null) || userID.equals(a.userID())
                || (a.userGroupID() != null && groups.contains(a.userGroupID()));
    }

    private static String key(String buyerID, ResourceAssignment a) {
        return Table.key(buyerID, a.resourceID(), Tables.part(a.userID()), Tables.part(a.userGroupID()));
    }

    private Repository<T> repo() {
        return ctx.store().table(table);
    }
}
