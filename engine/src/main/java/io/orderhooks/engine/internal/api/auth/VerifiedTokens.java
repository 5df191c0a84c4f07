package io.orderhooks.engine.internal.api.auth;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The claims of tokens whose signature, key ID and issuer were already verified, keyed by the exact token text,
 * so a client presenting the same token on every call pays for JWT parsing and the RSA check once. Only what
 * cannot change for a given text is cached: callers still check {@code nbf}/{@code exp} against their clock on
 * every use (and revocation stays the caller's, as before). Bounded: at {@link #MAX_ENTRIES} expired entries are
 * dropped first and, if that is not enough, the whole cache. Thread-safe.
 */
final class VerifiedTokens {

    /** The most tokens remembered at once. */
    static final int MAX_ENTRIES = 10_000;

    private final Map<String, AccessClaims> byToken = new ConcurrentHashMap<>();

    /** The cached claims of {@code token}, or null. */
    AccessClaims get(String token) {
        return byToken.get(token);
    }

    /** Remembers {@code claims} for {@code token}, making room first when full. */
    void put(String token, AccessClaims claims, Instant now) {
        if (byToken.size() >= MAX_ENTRIES) {
            byToken.values().removeIf(c -> !now.isBefore(c.expiresAt()));
            if (byToken.size() >= MAX_ENTRIES) {
                byToken.clear();
            }
        }
        byToken.put(token, claims);
    }

    int size() {
        return byToken.size();
    }
}
