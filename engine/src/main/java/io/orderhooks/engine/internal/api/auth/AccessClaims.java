package io.orderhooks.engine.internal.api.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an access token says about its bearer, with OrderCloud's claim names: {@code usr} (username),
 * {@code cid} (API client ID), {@code role} (repeated), {@code usrtype} ({@code buyer|seller|supplier|admin}),
 * {@code iss}, {@code aud}, {@code exp}, {@code nbf}, and {@code orderid} for group-order tokens.
 *
 * <p>orderhooks adds {@code uid} (the user's ID), {@code cmp} (the user's company: buyer or supplier ID, or
 * the seller's org), {@code anon} for anonymous shopper tokens, {@code invid} (the group-order
 * invitation) so the engine can scope a token without a lookup, and {@code ver}: the user's token version when
 * the token was issued (a token is refused once its user's version moved on).
 */
public record AccessClaims(
        String tokenID,
        String username,
        String userID,
        String clientID,
        List<String> roles,
        String userType,
        String companyID,
        String issuer,
        String audience,
        Instant notBefore,
        Instant expiresAt,
        String orderID,
        String invitationID,
        boolean anonymous,
        long tokenVersion) {

    public AccessClaims(String tokenID, String username, String userID, String clientID, List<String> roles,
            String userType, String companyID, String issuer, String audience, Instant notBefore, Instant expiresAt,
            String orderID, String invitationID, boolean anonymous) {
        this(tokenID, username, userID, clientID, roles, userType, companyID, issuer, audience, notBefore, expiresAt,
                orderID, invitationID, anonymous, 0);
    }

    public AccessClaims {
        Objects.requireNonNull(clientID, "clientID");
        roles = List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role) || roles.contains("FullAccess");
    }

    /** Whether this is a group-order contributor's token. */
    public boolean isGroupOrderContributor() {
        return invitationID != null;
    }
}
