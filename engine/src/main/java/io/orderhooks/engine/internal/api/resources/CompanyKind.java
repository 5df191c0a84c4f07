package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.Caller;
import java.util.Set;

/**
 * Buyers and suppliers share the shape of their people routes ({@code v1/buyers/{buyerID}/users},
 * {@code v1/suppliers/{supplierID}/users}, groups, addresses); this names the differences.
 */
enum CompanyKind {
    BUYER("v1/buyers/{buyerID}", "buyerID", roles("BuyerUserReader", "BuyerUserAdmin"), roles("BuyerUserAdmin"),
            roles("UserGroupReader", "UserGroupAdmin"), roles("UserGroupAdmin"),
            roles("AddressReader", "AddressAdmin"), roles("AddressAdmin")),
    SUPPLIER("v1/suppliers/{supplierID}", "supplierID", roles("SupplierUserReader", "SupplierUserAdmin"),
            roles("SupplierUserAdmin"), roles("SupplierUserGroupReader", "SupplierUserGroupAdmin"),
            roles("SupplierUserGroupAdmin"), roles("SupplierAddressReader", "SupplierAddressAdmin"),
            roles("SupplierAddressAdmin"));

    final String base;
    final String param;
    final Set<String> userRead;
    final Set<String> userAdmin;
    final Set<String> groupRead;
    final Set<String> groupAdmin;
    final Set<String> addressRead;
    final Set<String> addressAdmin;

    CompanyKind(String base, String param, Set<String> userRead, Set<String> userAdmin, Set<String> groupRead,
            Set<String> groupAdmin, Set<String> addressRead, Set<String> addressAdmin) {
        this.base = base;
        this.param = param;
        this.userRead = userRead;
        this.userAdmin = userAdmin;
        this.groupRead = groupRead;
        this.groupAdmin = groupAdmin;
        this.addressRead = addressRead;
        this.addressAdmin = addressAdmin;
    }

    /** 404 unless the company exists and {@code caller} may see it. */
    void requireVisible(ApiContext ctx, Caller caller, String companyID) {
        if (this == BUYER) {
            ctx.engine().orgs().getBuyer(caller, companyID);
        } else {
            ctx.engine().orgs().getSupplier(caller, companyID);
        }
    }
}
