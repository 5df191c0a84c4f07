package io.orderhooks.engine.internal.api.internal;

import io.orderhooks.engine.internal.api.auth.AccessClaims;
import io.orderhooks.engine.internal.api.auth.AuthTables;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;

/**
 * Access tokens revoked per user ({@code DELETE v1/me/tokens}, {@code DELETE .../users/{userID}/tokens}):
 * every token of the user issued at or before the revocation's second is refused. Tokens carry whole
 * seconds, so a token issued in the same second as the revocation is refused too. Kept in the store, so a
 * revocation survives a restart. Thread-safe.
 */
public final class TokenRevocations implements Predicate<AccessClaims> {

    private final Repository<String> revokedUpTo;
    private final Clock clock;

    public TokenRevocations(Clock clock, Store store) {
        this.clock = clock;
        this.revokedUpTo = store.table(AuthTables.TOKEN_REVOCATIONS);
    }

    /** Revokes every access token issued so far to {@code userID} of {@code companyID}. */
    public void revoke(String companyID, String userID) {
        revokedUpTo.put(companyID + "/" + userID, clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    @Override
    public boolean test(AccessClaims claims) {
        return revokedUpTo.find(claims.companyID() + "/" + claims.userID())
                .map(Instant::parse).filter(upTo -> !claims.notBefore().isAfter(upTo)).isPresent();
    }
}
