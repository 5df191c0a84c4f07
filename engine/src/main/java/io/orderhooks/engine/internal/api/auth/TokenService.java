package io.orderhooks.engine.internal.api.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.orderhooks.core.error.OrderCloudException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import java.util.UUID;

/**
 * Issues and verifies RS256 access tokens. Time is the injected {@link Clock}'s: a token is valid from its
 * {@code nbf} up to (not including) its {@code exp}. Thread-safe.
 */
public final class TokenService {

    private final KeyRing keys;
    private final Clock clock;
    private final String issuer;
    private final Map<String, RSASSASigner> signers = new ConcurrentHashMap<>();
    private final Map<String, RSASSAVerifier> verifiers = new ConcurrentHashMap<>();
    private final VerifiedTokens verified = new VerifiedTokens();

    /**
     * @param issuer the {@code iss} and {@code aud} claim: the API's base URL, as OrderCloud sets both
     */
    public TokenService(SigningKeys keys, Clock clock, String issuer) {
        this(KeyRing.fixed(keys), clock, issuer);
    }

    /** Signs with the ring's current key and verifies with any key of the ring (rotated keys included). */
    public TokenService(KeyRing keys, Clock clock, String issuer) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        signer(keys.current());
    }

    private RSASSASigner signer(SigningKeys k) {
        return signers.computeIfAbsent(k.keyID(), kid -> {
            try {
                return new RSASSASigner(k.rsaKey());
            } catch (JOSEException e) {
                throw new IllegalArgumentException("unusable signing key: " + e.getMessage(), e);
            }
        });
    }

    private RSASSAVerifier verifier(String kid) {
        RSASSAVerifier known = verifiers.get(kid);
        if (known != null) {
            return known;
        }
        return keys.verificationKey(kid).map(k -> {
            try {
                RSASSAVerifier v = new RSASSAVerifier(k.toRSAPublicKey());
                verifiers.put(kid, v);
                return v;
            } catch (JOSEException e) {
                return null;
            }
        }).orElse(null);
    }

    /** What a new token is for; the service fills ID, issuer, audience and times. */
    public record Grant(String username, String userID, String clientID, List<String> roles, String userType,
            String companyID, String orderID, String invitationID, boolean anonymous, long tokenVersion) {

        /** A grant at token version 0 (the directory fills the user's current version when it issues). */
        public Grant(String username, String userID, String clientID, List<String> roles, String userType,
                String companyID, String orderID, String invitationID, boolean anonymous) {
            this(username, userID, clientID, roles, userType, companyID, orderID, invitationID, anonymous, 0);
        }

        public Grant withTokenVersion(long version) {
            return new Grant(username, userID, clientID, roles, userType, companyID, orderID, invitationID, anonymous, version);
        }
    }

    /** A signed token and its claims. */
    public record Issued(String token, AccessClaims claims) {
        public long expiresInSeconds(Clock clock) {
            return Math.max(0, Duration.between(clock.instant(), claims.expiresAt()).getSeconds());
        }
    }

    /** The key new tokens are signed with now. */
    public SigningKeys keys() {
        return keys.current();
    }

    /** The public JWK with ID {@code kid} ({@code GET /oauth/certs/{kid}}), current or retired. */
    public Optional<Map<String, Object>> publicJwk(String kid) {
        return keys.verificationKey(kid).map(k -> k.toPublicJWK().toJSONObject());
    }

    public Clock clock() {
        return clock;
    }

    public String issuer() {
        return issuer;
    }

    /** Signs a token valid from now for {@code lifetime}. */
    public Issued issue(Grant grant, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive, was " + lifetime);
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        AccessClaims claims = new AccessClaims(UUID.randomUUID().toString(), grant.username(), grant.userID(),
                grant.clientID(), grant.roles(), grant.userType(), grant.companyID(), issuer, issuer, now,
                now.plus(lifetime), grant.orderID(), grant.invitationID(), grant.anonymous(), grant.tokenVersion());
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .jwtID(claims.tokenID())
                .issuer(issuer)
                .audience(issuer)
                .notBeforeTime(Date.from(now))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(claims.expiresAt()))
                .claim("usr", claims.username())
                .claim("uid", claims.userID())
                .claim("cid", claims.clientID())
                .claim("role", claims.roles())
                .claim("usrtype", claims.userType())
                .claim("cmp", claims.companyID())
                .claim("ver", claims.tokenVersion());
        if (claims.orderID() != null) {
            set.claim("orderid", claims.orderID());
        }
        if (claims.invitationID() != null) {
            set.claim("invid", claims.invitationID());
        }
        if (claims.anonymous()) {
            set.claim("anon", true);
        }
        return new Issued(sign(set.build()), claims);
    }

    /**
     * An OpenID-style identity token ({@code GET oauth/userinfo}) for the bearer of {@code access}: RS256 with the
     * access tokens' key, {@code sub} = user ID, {@code aud} = API client ID, the OrderCloud claims {@code usr},
     * {@code cid}, {@code usrtype}, {@code cmp}, plus {@code profile} (e.g. {@code email}, {@code given_name},
     * {@code family_name}; null values are left out); it expires with the access token.
     */
    public Issued identityToken(AccessClaims access, java.util.Map<String, String> profile) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString()).issuer(issuer)
                .audience(access.clientID()).subject(access.userID()).issueTime(Date.from(now))
                .expirationTime(Date.from(access.expiresAt())).claim("usr", access.username())
                .claim("cid", access.clientID()).claim("usrtype", access.userType()).claim("cmp", access.companyID());
        profile.forEach((k, v) -> {
            if (v != null) {
                set.claim(k, v);
            }
        });
        return new Issued(sign(set.build()), access);
    }

    private String sign(JWTClaimsSet claims) {
        SigningKeys signing = keys.current();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT).keyID(signing.keyID()).build(), claims);
        try {
            jwt.sign(signer(signing));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    /**
     * The claims of a valid token.
     *
     * @throws OrderCloudException 401 {@code InvalidToken} (malformed, wrong key or issuer) or
     *     {@code ExpiredToken}
     */
    public AccessClaims verify(String token) {
        Instant now = clock.instant();
        AccessClaims known = token == null ? null : verified.get(token);
        AccessClaims claims = known != null ? known : verifySignature(token);
        if (!now.isBefore(claims.expiresAt())) {
            throw new OrderCloudException(401, "ExpiredToken", "Access token has expired");
        }
        if (claims.notBefore() != null && now.isBefore(claims.notBefore())) {
            throw invalid("Access token is not valid yet");
        }
        if (known == null) {
            verified.put(token, claims, now);
        }
        return claims;
    }

    /** Parses {@code token} and checks what never changes for its text: algorithm, key ID, signature, issuer. */
    private AccessClaims verifySignature(String token) {
        SignedJWT jwt;
        JWTClaimsSet set;
        try {
            jwt = SignedJWT.parse(token);
            set = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            throw invalid("Access token is malformed");
        }
        try {
            RSASSAVerifier verifier = JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    ? verifier(jwt.getHeader().getKeyID()) : null;
            if (verifier == null || !jwt.verify(verifier)) {
                throw invalid("Access token signature is not valid");
            }
        } catch (JOSEException e) {
            throw invalid("Access token signature is not valid");
        }
        if (!issuer.equals(set.getIssuer())) {
            throw invalid("Access token was issued by " + set.getIssuer());
        }
        if (set.getExpirationTime() == null) {
            throw new OrderCloudException(401, "ExpiredToken", "Access token has expired");
        }
        try {
            List<String> roles = set.getStringListClaim("role");
            return new AccessClaims(set.getJWTID(), set.getStringClaim("usr"), set.getStringClaim("uid"),
                    set.getStringClaim("cid"), roles == null ? List.of() : roles, set.getStringClaim("usrtype"),
                    set.getStringClaim("cmp"), set.getIssuer(), set.getAudience().isEmpty() ? null : set.getAudience().get(0),
                    set.getNotBeforeTime().toInstant(),
                    set.getExpirationTime().toInstant(),
                    set.getStringClaim("orderid"), set.getStringClaim("invid"),
                    Boolean.TRUE.equals(set.getBooleanClaim("anon")),
                    set.getLongClaim("ver") == null ? 0 : set.getLongClaim("ver"));
        } catch (ParseException | RuntimeException e) {
            throw invalid("Access token claims are malformed");
        }
    }

    private static OrderCloudException invalid(String message) {
        return new OrderCloudException(401, "InvalidToken", message);
    }
}
