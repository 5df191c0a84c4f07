package io.orderhooks.engine.internal.api.auth;

import io.orderhooks.engine.internal.store.Table;
import java.time.Instant;

/** The store tables of authentication state that must survive a restart. */
public final class AuthTables {

    private AuthTables() {
    }

    /** key {@code current}: the private JWK (JSON) access tokens are signed with; its {@code kid} inside. */
    public static final Table<String> SIGNING_KEYS = Table.of("signingkeys", String.class);

    /** key: SHA-256 of the refresh token (the token itself is never stored). */
    public static final Table<StoredRefreshToken> REFRESH_TOKENS =
            Table.withLookup("refreshtokens", StoredRefreshToken.class, t -> t.grant().userID());

    /** A refresh token's grant and expiry, as stored under {@code id} (the token's SHA-256). */
    public record StoredRefreshToken(String id, TokenService.Grant grant, Instant expiresAt) {}

    /** key: SHA-256 of a password verification code (the code itself is never stored). */
    public static final Table<StoredCode> VERIFICATION_CODES = Table.of("verificationcodes", StoredCode.class);

    /** A verification code's user, the API client it was requested through, and its expiry. */
    public record StoredCode(String id, String companyID, String userID, String clientID, Instant expiresAt) {}
}
