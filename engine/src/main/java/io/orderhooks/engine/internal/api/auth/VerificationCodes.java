package io.orderhooks.engine.internal.api.auth;

import io.orderhooks.engine.internal.api.auth.AuthTables.StoredCode;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Store;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Password verification codes ({@code ForgottenCredentials.SendVerificationCode}): 32 random bytes, URL-safe, valid
 * for {@link #LIFETIME} of the injected {@link Clock}, kept in the store only as their SHA-256 (so a copy of the
 * database cannot reset a password). A code is single-use: {@link #redeem} deletes it, and only the caller whose
 * delete removed it gets the user, even across engines on one database. A new code for a user replaces nothing: each
 * is valid until used or expired. Thread-safe.
 */
public final class VerificationCodes {

    /** How long a verification code is valid. */
    public static final Duration LIFETIME = Duration.ofMinutes(30);

    private final SecureRandom random = new SecureRandom();
    private final Repository<StoredCode> codes;
    private final Clock clock;

    public VerificationCodes(Clock clock, Store store) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.codes = store.table(AuthTables.VERIFICATION_CODES);
    }

    /** A new code for user {@code companyID/userID}, redeemable through {@code clientID} only (null: any client serving the user). */
    public String issue(String companyID, String userID, String clientID) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String key = RefreshTokens.digest(code);
        codes.insert(key, new StoredCode(key, companyID, userID, clientID, clock.instant().plus(LIFETIME)));
        return code;
    }

    /** The code's entry if it exists, has not expired and {@code accept}s; the code is then used up. */
    public Optional<StoredCode> redeem(String code, java.util.function.Predicate<StoredCode> accept) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String key = RefreshTokens.digest(code);
        Optional<StoredCode> entry = codes.find(key);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.get().expiresAt())) {
            codes.delete(key);
            return Optional.empty();
        }
        if (!accept.test(entry.get()) || !codes.delete(key)) {
            return Optional.empty();
        }
        return entry;
    }
}
