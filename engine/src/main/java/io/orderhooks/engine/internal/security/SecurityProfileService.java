package io.orderhooks.engine.internal.security;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.UserType;
import io.orderhooks.engine.internal.catalog.ProductAccess;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.SecurityProfile;
import io.orderhooks.core.model.SecurityProfileAssignment;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Security profiles and their assignments, and the roles they grant a user. A user is granted the union of
 * the {@code Roles} and {@code CustomRoles} of every profile assigned at a level that applies to them:
 * seller level (no IDs) for marketplace-owner users, company level ({@code BuyerID}/{@code SupplierID}
 * alone) for that company's users, group level for the group's members and user level for the user.
 * Only the seller administers profiles. Thread-safe.
 */
public final class SecurityProfileService {

    private final EngineContext ctx;

    public SecurityProfileService(EngineContext ctx) {
        this.ctx = ctx;
    }

    private Repository<SecurityProfile> profiles() {
        return ctx.store().table(Tables.SECURITY_PROFILES);
    }

    private Repository<SecurityProfileAssignment> assignments() {
        return ctx.store().table(Tables.SECURITY_PROFILE_ASSIGNMENTS);
    }

    /** Creates (409 {@code IdExists} when the ID is taken) a profile; {@code Name} is required. */
    public SecurityProfile create(Caller caller, SecurityProfile p) {
        Errors.requireSeller(caller);
        SecurityProfile stored = normalize(p, p.id() == null || p.id().isBlank() ? ctx.ids().next() : p.id());
        profiles().insert(stored.id(), stored);
        return stored;
    }

    /** Creates or replaces the profile {@code id}; withdrawing roles ends the tokens of everyone it is assigned to. */
    public SecurityProfile save(Caller caller, String id, SecurityProfile p) {
        Errors.requireSeller(caller);
        if (p.id() != null && !p.id().equals(id)) {
            throw OrderCloudException.validation("ID cannot be changed (was " + id + ", body has " + p.id() + ")");
        }
        SecurityProfile stored = normalize(p, id);
        SecurityProfile old = profiles().find(id).orElse(null);
        profiles().put(id, stored);
        if (old != null && old.roles() != null && (stored.roles() == null || !stored.roles().containsAll(old.roles()))) {
            assignments().listWithPrefix(id + "/").forEach(this::invalidateTokens);
        }
        return stored;
    }

    public SecurityProfile get(Caller caller, String id) {
        Errors.requireSeller(caller);
        return profiles().find(id).orElseThrow(() -> Errors.notFound("SecurityProfile", id));
    }

    public List<SecurityProfile> list(Caller caller) {
        Errors.requireSeller(caller);
        return profiles().list();
    }

    /** Deletes the profile and every assignment of it. */
    public void delete(Caller caller, String id) {
        Errors.requireSeller(caller);
        if (!profiles().delete(id)) {
            throw Errors.notFound("SecurityProfile", id);
        }
        assignments().listWithPrefix(id + "/").forEach(a -> {
            assignments().delete(key(a));
            invalidateTokens(a);
        });
    }

    /**
     * Assigns a profile. The profile and every party named must exist (404); a buyer and a supplier together
     * are refused ({@code PartyAssignment.CannotSpecifyBuyerAndSupplier}), as are a group and a user
     * together ({@code PartyAssignment.CannotSpecifyGroupAndUser}).
     */
    public SecurityProfileAssignment assign(Caller caller, SecurityProfileAssignment a) {
        Errors.requireSeller(caller);
        if (a.securityProfileID() == null || a.securityProfileID().isBlank()) {
            throw Errors.required("SecurityProfileID");
        }
        get(caller, a.securityProfileID());
        if (a.buyerID() != null && a.supplierID() != null) {
            throw Errors.bad("PartyAssignment.CannotSpecifyBuyerAndSupplier", "Cannot specify both a BuyerID and a SupplierID.");
        }
        if (a.userID() != null && a.userGroupID() != null) {
            throw Errors.bad("PartyAssignment.CannotSpecifyGroupAndUser", "Cannot specify both a UserGroupID and a UserID.");
        }
        String company = companyOf(a);
        if (a.buyerID() != null && ctx.store().table(Tables.BUYERS).find(a.buyerID()).isEmpty()) {
            throw Errors.notFound("Buyer", a.buyerID());
        }
        if (a.supplierID() != null && ctx.store().table(Tables.SUPPLIERS).find(a.supplierID()).isEmpty()) {
            throw Errors.notFound("Supplier", a.supplierID());
        }
        if (a.userID() != null && ctx.store().table(Tables.USERS).find(Table.key(company, a.userID())).isEmpty()) {
            throw Errors.notFound("User", a.userID());
        }
        if (a.userGroupID() != null && ctx.store().table(Tables.USER_GROUPS).find(Table.key(company, a.userGroupID())).isEmpty()) {
            throw Errors.notFound("UserGroup", a.userGroupID());
        }
        assignments().put(key(a), a);
        return a;
    }

    /** Removes the one assignment with exactly these parties; 404 when there is none. */
    public void unassign(Caller caller, SecurityProfileAssignment a) {
        Errors.requireSeller(caller);
        if (!assignments().delete(key(a))) {
            throw Errors.notFound("SecurityProfileAssignment", a.securityProfileID());
        }
        invalidateTokens(a);
    }

    /** Roles were withdrawn from the assignment's parties: their tokens (which carry roles) stop working. */
    private void invalidateTokens(SecurityProfileAssignment a) {
        var versions = new io.orderhooks.engine.internal.orgs.TokenVersions(ctx.store());
        String company = companyOf(a);
        if (a.userID() != null) {
            versions.bump(company, a.userID());
        } else if (a.userGroupID() != null) {
            ctx.store().table(Tables.USER_GROUP_ASSIGNMENTS).listWithPrefix(Table.key(company, a.userGroupID()) + "/")
                    .forEach(m -> versions.bump(company, m.userID()));
        } else {
            versions.bumpCompany(company);
        }
    }

    /** Every assignment; the API filters them. */
    public List<SecurityProfileAssignment> listAssignments(Caller caller) {
        Errors.requireSeller(caller);
        return assignments().list();
    }

    /**
     * The roles and custom roles granted to user {@code userID} of {@code companyID} ({@code userType} tells
     * whether the company is a buyer, a supplier or the seller's org).
     */
    public Set<String> grantedRoles(UserType userType, String companyID, String userID) {
        Objects.requireNonNull(userType, "userType");
        Set<String> groups = userType == UserType.SELLER ? Set.of() : new ProductAccess(ctx).groupsOf(companyID, userID);
        Set<String> roles = new LinkedHashSet<>();
        for (SecurityProfileAssignment a : assignments().list()) {
            if (applies(a, userType, companyID, userID, groups)) {
                profiles().find(a.securityProfileID()).ifPresent(p -> {
                    roles.addAll(p.roles());
                    roles.addAll(p.customRoles());
                });
            }
        }
        return roles;
    }

    private static boolean applies(SecurityProfileAssignment a, UserType type, String companyID, String userID,
            Set<String> groups) {
        boolean companyMatches = switch (type) {
            case SELLER -> a.buyerID() == null && a.supplierID() == null;
            case BUYER -> companyID.equals(a.buyerID());
            case SUPPLIER -> companyID.equals(a.supplierID());
        };
        if (!companyMatches) {
            return false;
        }
        if (a.userID() != null) {
            return a.userID().equals(userID);
        }
        return a.userGroupID() == null || groups.contains(a.userGroupID());
    }

    private String companyOf(SecurityProfileAssignment a) {
        return a.buyerID() != null ? a.buyerID() : a.supplierID() != null ? a.supplierID() : ctx.config().sellerOrgID();
    }

    private static SecurityProfile normalize(SecurityProfile p, String id) {
        if (p.name() == null || p.name().isBlank()) {
            throw Errors.required("Name");
        }
        ApiRoles.requireKnown("Roles", p.roles());
        return new SecurityProfile(id, p.name(), p.roles() == null ? List.of() : List.copyOf(p.roles()),
                p.customRoles() == null ? List.of() : List.copyOf(p.customRoles()), p.passwordConfig(), false);
    }

    private static String key(SecurityProfileAssignment a) {
        return Table.key(a.securityProfileID(), Tables.part(a.buyerID()), Tables.part(a.supplierID()),
                Tables.part(a.userGroupID()), Tables.part(a.userID()));
    }
}
