package io.orderhooks.engine.internal.api.auth;

import io.orderhooks.engine.internal.api.auth.AuthTables.StoredRefreshToken;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.internal.InMemoryStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Opaque refresh tokens, each bound to the grant it can renew, kept in the store (under the token's SHA-256, never
 * the token itself), so they survive a restart. A refresh token is single-use: redeeming it deletes it (the caller
 * issues a new one), and only the one caller whose delete removed the row gets the grant, so a stolen token works
 * at most once, even across engines on one database. Expiry uses the injected {@link Clock}. Thread-safe.
 */
public final class RefreshTokens {

    private final SecureRandom random = new SecureRandom();
    private final Repository<StoredRefreshToken> entries;
    private final Clock clock;

    public RefreshTokens(Clock clock, Store store) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.entries = store.table(AuthTables.REFRESH_TOKENS);
    }

    /** Refresh tokens in memory only (tests). */
    public RefreshTokens(Clock clock) {
        this(clock, new InMemoryStore());
    }

    /** A new refresh token for {@code grant}, valid for {@code lifetime}. */
    public String issue(TokenService.Grant grant, Duration lifetime) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String key = digest(token);
        entries.insert(key, new StoredRefreshToken(key, grant, clock.instant().plus(lifetime)));
        return token;
    }

    /** The grant behind {@code token} if it exists and has not expired; the token is used up either way. */
    public Optional<TokenService.Grant> redeem(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String key = digest(token);
        Optional<StoredRefreshToken> entry = entries.find(key);
        if (entry.isEmpty() || !entries.delete(key) || !clock.instant().isBefore(entry.get().expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(entry.get().grant());
    }

    /** Forgets every refresh token of {@code userID} (e.g. {@code DELETE v1/me/tokens}). */
    public void revokeUser(String clientID, String userID) {
        entries.findByLookup(userID).stream()
                .filter(e -> clientID == null || clientID.equals(e.grant().clientID()))
                .forEach(e -> entries.delete(e.id()));
    }

    static String digest(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
