package io.orderhooks.core.engine.orgs;

import io.orderhooks.core.engine.Caller;
import io.orderhooks.core.engine.EngineContext;
import io.orderhooks.core.engine.Errors;
import io.orderhooks.core.engine.catalog.ProductAccess;
import io.orderhooks.core.engine.store.Table;
import io.orderhooks.core.engine.store.Tables;
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
        OrgService.requireCompany(caller, companyID);
        if (!caller.isSeller() && !caller.hasRole(caller.isBuyer() ? "AddressAdmin" : "SupplierAddressAdmin")) {
            throw Errors.forbidden("only the marketplace owner or an address admin may change company addresses");
        }
        String id = a.id() == null || a.id().isBlank() ? ctx.ids().next() : a.id();
        Address stored = a.toBuilder().id(id).dateCreated(ctx.now()).build();
        ctx.store().table(Tables.ADDRESSES).put(Table.key(companyID, id), stored);
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
