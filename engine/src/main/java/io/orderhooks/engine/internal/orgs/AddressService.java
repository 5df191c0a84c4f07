package io.orderhooks.engine.internal.orgs;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.catalog.ProductAccess;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.AddressAssignment;
import java.util.List;
import java.util.Set;

/**
 * Addresses of buyers and suppliers, and the assignments that let buyer users ship or bill to them.
 * Thread-safe.
 */
public final class AddressService {

    private final EngineContext ctx;

    public AddressService(EngineContext ctx) {
        this.ctx = ctx;
    }

    public Address saveAddress(Caller caller, String companyID, Address a) {
        return saveAddress(caller, companyID, a, false);
    }

    /** {@code create}: a POST — one atomic insert, 409 {@code IdExists} when the ID is taken (also by a racing create). */
    public Address saveAddress(Caller caller, String companyID, Address a, boolean create) {
        OrgService.requireCompany(caller, companyID);
        if (!caller.isSeller() && !caller.hasRole(caller.isBuyer() ? "AddressAdmin" : "SupplierAddressAdmin")) {
            throw Errors.forbidden("only the marketplace owner or an address admin may change company addresses");
        }
        String id = a.id() == null || a.id().isBlank() ? ctx.ids().next() : a.id();
        Address stored = a.toBuilder().id(id).dateCreated(ctx.now()).build();
        ctx.store().table(Tables.ADDRESSES).save(Table.key(companyID, id), stored, create, "Address", id);
        return stored;
    }

    public Address getAddress(Caller caller, String companyID, String addressID) {
        OrgService.requireCompany(caller, companyID);
        return ctx.store().table(Tables.ADDRESSES).find(Table.key(companyID, addressID))
                .orElseThrow(() -> Errors.notFound("Address", addressID));
    }

    public List<Address> listAddresses(Caller caller, String companyID) {
        OrgService.requireCompany(caller, companyID);
        return ctx.store().table(Tables.ADDRESSES).listWithPrefix(companyID + "/");
    }

    /** Deletes an address and its assignments. */
    public void deleteAddress(Caller caller, String companyID, String addressID) {
        getAddress(caller, companyID, addressID);
        saveAddressCheck(caller);
        ctx.store().table(Tables.ADDRESSES).delete(Table.key(companyID, addressID));
        var assignments = ctx.store().table(Tables.ADDRESS_ASSIGNMENTS);
        assignments.listWithPrefix(Table.key(companyID, addressID) + "/").forEach(a -> assignments.delete(key(companyID, a)));
        ctx.store().table(Tables.PRIVATE_ADDRESSES).delete(Table.key(companyID, addressID));
    }

    public List<AddressAssignment> listAssignments(Caller caller, String buyerID) {
        OrgService.requireCompany(caller, buyerID);
        return ctx.store().table(Tables.ADDRESS_ASSIGNMENTS).listWithPrefix(buyerID + "/");
    }

    /** Removes the assignment of {@code addressID} to exactly this user, group or (both null) the buyer. */
    public void unassign(Caller caller, String buyerID, String addressID, String userID, String groupID) {
        Errors.requireSeller(caller);
        if (!ctx.store().table(Tables.ADDRESS_ASSIGNMENTS).delete(Table.key(buyerID, addressID, Tables.part(userID), Tables.part(groupID)))) {
            throw Errors.notFound("AddressAssignment", addressID);
        }
    }

    /**
     * A buyer user's private address ({@code POST v1/me/addresses}): stored with the buyer's addresses,
     * assigned to the user for shipping and billing, and editable only by that user.
     */
    public Address saveMyAddress(Caller caller, Address a) {
        String id = a.id() == null || a.id().isBlank() ? ctx.ids().next() : a.id();
        String key = Table.key(caller.companyID(), id);
        var owners = ctx.store().table(Tables.PRIVATE_ADDRESSES);
        if (ctx.store().table(Tables.ADDRESSES).find(key).isPresent() && !owners.find(key).map(caller.userID()::equals).orElse(false)) {
            throw Errors.bad("Address.CannotEditPublic", "Only the user's own addresses can be changed through v1/me/addresses.");
        }
        Address stored = a.toBuilder().id(id).dateCreated(ctx.store().table(Tables.ADDRESSES).find(key)
                .map(Address::dateCreated).orElse(ctx.now())).build();
        ctx.store().table(Tables.ADDRESSES).put(key, stored);
        return own(caller, stored);
    }

    /**
     * {@code POST v1/me/addresses}: a new private address, stored with one atomic insert — 409 {@code IdExists} when the
     * buyer has an address with that ID (also one created by a racing request), and nothing else is written then.
     */
    public Address createMyAddress(Caller caller, Address a) {
        String id = a.id() == null || a.id().isBlank() ? ctx.ids().next() : a.id();
        Address stored = a.toBuilder().id(id).dateCreated(ctx.now()).build();
        ctx.store().table(Tables.ADDRESSES).save(Table.key(caller.companyID(), id), stored, true, "Address", id);
        return own(caller, stored);
    }

    /** Records {@code stored} as the caller's private address, assigned to them for shipping and billing. */
    private Address own(Caller caller, Address stored) {
        String key = Table.key(caller.companyID(), stored.id());
        ctx.store().table(Tables.PRIVATE_ADDRESSES).put(key, caller.userID());
        AddressAssignment mine = new AddressAssignment(stored.id(), caller.userID(), null, true, true);
        ctx.store().table(Tables.ADDRESS_ASSIGNMENTS).put(key(caller.companyID(), mine), mine);
        return stored;
    }

    /** Deletes one of the caller's private addresses. */
    public void deleteMyAddress(Caller caller, String addressID) {
        String key = Table.key(caller.companyID(), addressID);
        if (ctx.store().table(Tables.ADDRESSES).find(key).isEmpty() || !isMine(caller, addressID)) {
            throw isVisible(caller, addressID) ? Errors.bad("Address.CannotEditPublic", "Only the user's own addresses can be deleted.")
                    : Errors.notFound("Address", addressID);
        }
        ctx.store().table(Tables.ADDRESSES).delete(key);
        ctx.store().table(Tables.PRIVATE_ADDRESSES).delete(key);
        ctx.store().table(Tables.ADDRESS_ASSIGNMENTS).delete(key(caller.companyID(), new AddressAssignment(addressID, caller.userID(), null, true, true)));
    }

    /** Whether {@code addressID} is the caller's private address. */
    public boolean isMine(Caller caller, String addressID) {
        return ctx.store().table(Tables.PRIVATE_ADDRESSES).find(Table.key(caller.companyID(), addressID))
                .map(caller.userID()::equals).orElse(false);
    }

    /** The assignments of the caller's buyer that reach the caller (buyer-wide, a group of theirs, or them). */
    public List<AddressAssignment> myAssignments(Caller caller) {
        Set<String> groups = new ProductAccess(ctx).groupsOf(caller.companyID(), caller.userID());
        return ctx.store().table(Tables.ADDRESS_ASSIGNMENTS).listWithPrefix(caller.companyID() + "/").stream()
                .filter(a -> (a.userID() == null && a.userGroupID() == null) || caller.userID().equals(a.userID())
                        || (a.userGroupID() != null && groups.contains(a.userGroupID()))).toList();
    }

    private boolean isVisible(Caller caller, String addressID) {
        return myAssignments(caller).stream().anyMatch(a -> a.addressID().equals(addressID));
    }

    private void saveAddressCheck(Caller caller) {
        if (!caller.isSeller() && !caller.hasRole(caller.isBuyer() ? "AddressAdmin" : "SupplierAddressAdmin")) {
            throw Errors.forbidden("only the marketplace owner or an address admin may change company addresses");
        }
    }

    private static String key(String buyerID, AddressAssignment a) {
        return Table.key(buyerID, a.addressID(), Tables.part(a.userID()), Tables.part(a.userGroupID()));
    }

    public void assign(Caller caller, String buyerID, AddressAssignment a) {
        Errors.requireSeller(caller);
        if (!Boolean.TRUE.equals(a.isShipping()) && !Boolean.TRUE.equals(a.isBilling())) {
            throw Errors.bad("AddressAssignment.MustBeBillingOrShipping", "Cannot assign address without defining it as either a billing or a shipping address.");
        }
        getAddress(caller, buyerID, a.addressID());
        ctx.store().table(Tables.ADDRESS_ASSIGNMENTS)
                .put(Table.key(buyerID, a.addressID(), Tables.part(a.userID()), Tables.part(a.userGroupID())), a);
    }

    /**
     * The buyer address {@code addressID} if {@code caller} may ship ({@code shipping=true}) or bill to it:
     * for a buyer user it must be assigned to the whole buyer, one of the user's groups, or the user; the
     * seller may use any address of the order's buyer. 404 otherwise; {@code Address.IsNotShippingAddress}
     * when it is assigned but not for shipping.
     */
    public Address usable(Caller caller, String buyerID, String addressID, boolean shipping) {
        Address address = ctx.store().table(Tables.ADDRESSES).find(Table.key(buyerID, addressID))
                .orElseThrow(() -> Errors.notFound("Address", addressID));
        if (caller.isSeller()) {
            return address;
        }
        if (!caller.companyID().equals(buyerID)) {
            throw Errors.notFound("Address", addressID);
        }
        Set<String> groups = new ProductAccess(ctx).groupsOf(buyerID, caller.userID());
        List<AddressAssignment> mine = ctx.store().table(Tables.ADDRESS_ASSIGNMENTS).listWithPrefix(Table.key(buyerID, addressID) + "/")
                .stream().filter(a -> (a.userID() == null && a.userGroupID() == null) || caller.userID().equals(a.userID())
                        || (a.userGroupID() != null && groups.contains(a.userGroupID()))).toList();
        if (mine.isEmpty()) {
            throw Errors.notFound("Address", addressID);
        }
        boolean ok = mine.stream().anyMatch(a -> shipping ? Boolean.TRUE.equals(a.isShipping()) : Boolean.TRUE.equals(a.isBilling()));
        if (!ok) {
            throw shipping ? Errors.bad("Address.IsNotShippingAddress", "This Address is not assigned as a Shipping Address.")
                    : Errors.bad("Address.IsNotBillingAddress", "This Address is not assigned as a Billing Address.");
        }
        return address;
    }
}
