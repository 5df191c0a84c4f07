package io.orderhooks.engine.internal;

import java.util.Objects;
import java.util.Set;

/**
 * Who asks: passed into every service call whose answer depends on the caller. Services use it to
 * enforce data visibility (a buyer user sees only its own buyer's data) and ownership; role checks per
 * route belong to the API layer, but {@link #hasRole} is offered for rules that depend on a role
 * (e.g. reading every order of one's company).
 *
 * @param userID the user's ID (for the seller, a seller/admin user ID)
 * @param userType buyer, seller or supplier
 * @param companyID the buyer or supplier ID; for the seller, the marketplace owner's org ID
 * @param roles the granted roles ({@code FullAccess}, {@code Shopper}, ...)
 * @param clientID the API client the token was issued to (decides the checkout integration); may be null
 * @param invitationID for a group-order contributor token, the invitation; else null
 * @param orderID for a group-order contributor token, the order it may touch; else null
 * @param anonymous true for an anonymous shopper token (OrderCloud's temp users): the caller then acts as the
 *     API client's default context user but is not a registered user, so it never owns or joins resources
 */
public record Caller(
        String userID,
        UserType userType,
        String companyID,
        Set<String> roles,
        String clientID,
        String invitationID,
        String orderID,
        boolean anonymous) {

    /** A registered (not anonymous) caller. */
    public Caller(String userID, UserType userType, String companyID, Set<String> roles, String clientID,
            String invitationID, String orderID) {
        this(userID, userType, companyID, roles, clientID, invitationID, orderID, false);
    }

    public Caller {
        Objects.requireNonNull(userID, "userID");
        Objects.requireNonNull(userType, "userType");
        Objects.requireNonNull(companyID, "companyID");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** A buyer user with the given roles, through {@code clientID}. */
    public static Caller buyer(String userID, String buyerID, String clientID, String... roles) {
        return new Caller(userID, UserType.BUYER, buyerID, Set.of(roles), clientID, null, null);
    }

    /** An anonymous shopper of {@code buyerID}, acting as the client's default context user {@code contextUserID}. */
    public static Caller anonymousBuyer(String contextUserID, String buyerID, String clientID, String... roles) {
        return new Caller(contextUserID, UserType.BUYER, buyerID, Set.of(roles), clientID, null, null, true);
    }

    /** A seller (marketplace owner) user with the given roles. */
    public static Caller seller(String userID, String sellerOrgID, String clientID, String... roles) {
        return new Caller(userID, UserType.SELLER, sellerOrgID, Set.of(roles), clientID, null, null);
    }

    /** A supplier user with the given roles. */
    public static Caller supplier(String userID, String supplierID, String clientID, String... roles) {
        return new Caller(userID, UserType.SUPPLIER, supplierID, Set.of(roles), clientID, null, null);
    }

    /**
     * A group-order contributor: a buyer-type caller scoped to one order ({@link #orderID}) through one
     * invitation ({@link #invitationID}). The engine lets it read that order and read/add/change/delete only the
     * line items carrying its invitation ID, and browse products as the order's creator sees them; it refuses
     * everything else (see {@code engine.grouporders.Contributors}).
     */
    public static Caller contributor(String userID, String buyerID, String clientID, String invitationID, String orderID,
            String... roles) {
        Objects.requireNonNull(invitationID, "invitationID");
        Objects.requireNonNull(orderID, "orderID");
        return new Caller(userID, UserType.BUYER, buyerID, Set.of(roles), clientID, invitationID, orderID);
    }

    /** Whether this caller holds a group-order contributor token (see {@link #contributor}). */
    public boolean isGroupOrderContributor() {
        return invitationID != null;
    }

    public boolean isBuyer() {
        return userType == UserType.BUYER;
    }

    public boolean isSeller() {
        return userType == UserType.SELLER;
    }

    public boolean isSupplier() {
        return userType == UserType.SUPPLIER;
    }

    /** Whether the caller holds {@code role} or {@code FullAccess}. */
    public boolean hasRole(String role) {
        return roles.contains(role) || roles.contains("FullAccess");
    }
}
