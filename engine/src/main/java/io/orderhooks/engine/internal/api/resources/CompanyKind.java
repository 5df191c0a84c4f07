package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.ApiRequest;
import io.orderhooks.engine.internal.Caller;
import java.util.Set;

/**
 * Buyers, suppliers and the marketplace owner share the shape of their people routes
 * ({@code v1/buyers/{buyerID}/users}, {@code v1/suppliers/{supplierID}/users}, {@code v1/adminusers}, groups,
 * addresses); this names the differences. The marketplace's own people live under the seller organization ID.
 */
enum CompanyKind {
    BUYER("v1/buyers/{buyerID}/users", "v1/buyers/{buyerID}/usergroups", "v1/buyers/{buyerID}/addresses", "buyerID",
            roles("BuyerUserReader", "BuyerUserAdmin"), roles("BuyerUserAdmin"),
            roles("UserGroupReader", "UserGroupAdmin"), roles("UserGroupAdmin"),
            roles("AddressReader", "AddressAdmin"), roles("AddressAdmin")),
    SUPPLIER("v1/suppliers/{supplierID}/users", "v1/suppliers/{supplierID}/usergroups",
            "v1/suppliers/{supplierID}/addresses", "supplierID", roles("SupplierUserReader", "SupplierUserAdmin"),
            roles("SupplierUserAdmin"), roles("SupplierUserGroupReader", "SupplierUserGroupAdmin"),
            roles("SupplierUserGroupAdmin"), roles("SupplierAddressReader", "SupplierAddressAdmin"),
            roles("SupplierAddressAdmin")),
    MARKETPLACE("v1/adminusers", "v1/usergroups", "v1/addresses", null,
            roles("AdminUserReader", "AdminUserAdmin"), roles("AdminUserAdmin"),
            roles("AdminUserGroupReader", "AdminUserGroupAdmin"), roles("AdminUserGroupAdmin"),
            roles("AdminAddressReader", "AdminAddressAdmin"), roles("AdminAddressAdmin"));

    final String users;
    final String groups;
    final String addresses;
    private final String param;
    final Set<String> userRead;
    final Set<String> userAdmin;
    final Set<String> groupRead;
    final Set<String> groupAdmin;
    final Set<String> addressRead;
    final Set<String> addressAdmin;

    CompanyKind(String users, String groups, String addresses, String param, Set<String> userRead,
            Set<String> userAdmin, Set<String> groupRead, Set<String> groupAdmin, Set<String> addressRead,
            Set<String> addressAdmin) {
        this.users = users;
        this.groups = groups;
        this.addresses = addresses;
        this.param = param;
        this.userRead = userRead;
        this.userAdmin = userAdmin;
        this.groupRead = groupRead;
        this.groupAdmin = groupAdmin;
        this.addressRead = addressRead;
        this.addressAdmin = addressAdmin;
    }

    /** The company the request is about: the path's buyer or supplier ID, or the seller organization. */
    String companyID(ApiContext ctx, ApiRequest r) {
        return param == null ? ctx.engine().context().config().sellerOrgID() : r.param(param);
    }

    /** 404 unless the company exists and {@code caller} may see it. */
    void requireVisible(ApiContext ctx, Caller caller, String companyID) {
        switch (this) {
            case BUYER -> ctx.engine().orgs().getBuyer(caller, companyID);
            case SUPPLIER -> ctx.engine().orgs().getSupplier(caller, companyID);
            case MARKETPLACE -> io.orderhooks.engine.internal.orgs.OrgService.requireCompany(caller, companyID);
        }
    }
}
