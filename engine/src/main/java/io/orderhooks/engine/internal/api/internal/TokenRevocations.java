package io.orderhooks.engine.internal.api.internal;

import io.orderhooks.engine.internal.api.auth.AccessClaims;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Access tokens revoked per user ({@code DELETE v1/me/tokens}, {@code DELETE .../users/{userID}/tokens}):
 * every token of the user issued at or before the revocation's second is refused. Tokens carry whole
 * seconds, so a token issued in the same second as the revocation is refused too. Thread-safe; in memory.
 */
public final class TokenRevocations implements Predicate<AccessClaims> {

    private final Map<String, Instant> revokedUpTo = new ConcurrentHashMap<>();
    private final Clock clock;

    public TokenRevocations(Clock clock) {
        this.clock = clock;
    }

    /** Revokes every access token issued so far to {@code userID} of {@code companyID}. */
    public void revoke(String companyID, String userID) {
        revokedUpTo.put(companyID + "/" + userID, clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public boolean test(AccessClaims claims) {
        Instant upTo = revokedUpTo.get(claims.companyID() + "/" + claims.userID());
        return upTo != null && !claims.notBefore().isAfter(upTo);
    }
}
