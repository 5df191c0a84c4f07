package io.orderhooks.engine.internal.api.internal;

import io.orderhooks.engine.internal.api.auth.AccessClaims;
import io.orderhooks.engine.internal.orgs.TokenVersions;
import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.Tables;
import java.util.function.Predicate;

/**
 * Which access tokens are refused although validly signed and unexpired, decided from the store (so a durable
 * store keeps revocations across restarts and instances): a user's token whose {@code ver} claim is not the
 * user's current token version ({@link TokenVersions}: revoked, deactivated, deleted, password or roles changed),
 * and an anonymous shopper's tokens after it revoked them (keyed by its reserved order ID, so one anonymous
 * shopper never revokes another's). Thread-safe.
 */
public final class TokenRevocations implements Predicate<AccessClaims> {

    private final Store store;
    private final TokenVersions versions;

    public TokenRevocations(Store store) {
        this.store = store;
        this.versions = new TokenVersions(store);
    }

    /** Revokes every access and refresh token issued so far to {@code userID} of {@code companyID}. */
    public void revoke(String companyID, String userID) {
        versions.bump(companyID, userID);
    }

    /** Revokes the tokens of the bearer of {@code claims}: its own only, for an anonymous shopper. */
    public void revoke(AccessClaims claims) {
        if (claims.anonymous() && claims.orderID() != null) {
            store.table(Tables.REVOKED_ANONYMOUS_TOKENS).put(claims.orderID(), claims.clientID());
        } else {
            revoke(claims.companyID(), claims.userID());
        }
    }

    @Override
    public boolean test(AccessClaims claims) {
        if (claims.anonymous() && claims.orderID() != null
                && store.table(Tables.REVOKED_ANONYMOUS_TOKENS).find(claims.orderID()).isPresent()) {
            return true;
        }
        return claims.userID() != null && claims.companyID() != null
                && versions.current(claims.companyID(), claims.userID()) != claims.tokenVersion();
    }
}
