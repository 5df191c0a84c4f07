package io.orderhooks.engine.internal.api.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opaque refresh tokens, each bound to the grant it can renew. A refresh token is single-use: redeeming it
 * removes it (the caller issues a new one), so a stolen token works at most once. Expiry uses the injected
 * {@link Clock}. Thread-safe; in memory (tokens are lost on restart, so users log in again).
 */
public final class RefreshTokens {

    private record Entry(TokenService.Grant grant, Instant expiresAt) {}

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public RefreshTokens(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new refresh token for {@code grant}, valid for {@code lifetime}. */
    public String issue(TokenService.Grant grant, Duration lifetime) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        entries.put(token, new Entry(grant, clock.instant().plus(lifetime)));
        return token;
    }

    /** The grant behind {@code token} if it exists and has not expired; the token is used up either way. */
    public Optional<TokenService.Grant> redeem(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Entry entry = entries.remove(token);
        if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(entry.grant());
    }

    /** Forgets every refresh token of {@code userID} (e.g. {@code DELETE v1/me/tokens}). */
    public void revokeUser(String clientID, String userID) {
        entries.values().removeIf(e -> Objects.equals(e.grant().userID(), userID)
                && (clientID == null || clientID.equals(e.grant().clientID())));
    }
}
