package io.orderhooks.webhooks;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The claims of the caller's OrderCloud access token ({@code UserToken} in a webhook payload), with
 * OrderCloud's claim names: {@code usr} (username), {@code u} (user database ID), {@code cid} (API client
 * ID), {@code role} (a string or an array), {@code usrtype} ({@code buyer}, {@code seller}, {@code admin},
 * {@code supplier}), {@code orderid} (an anonymous shopper's order), {@code imp} (impersonating user) and
 * {@code exp}.
 *
 * <p><b>The token's signature is not verified.</b> OrderCloud verified the caller's token before it called
 * the webhook, and the webhook payload itself is authenticated by {@code X-oc-hash}; these claims are only
 * as trustworthy as that signature check. An absent, malformed or encrypted token yields {@link #empty()},
 * never an error. Missing claims are null; {@code roles} is never null.
 */
public record UserClaims(String username, String userDatabaseId, String clientId, List<String> roles,
        String userType, String anonymousOrderId, String impersonatingUserDatabaseId, Instant expiresAt) {

    private static final UserClaims EMPTY = new UserClaims(null, null, null, List.of(), null, null, null, null);

    public UserClaims {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** No claims: the token was absent or could not be read. */
    public static UserClaims empty() {
        return EMPTY;
    }

    /** Whether any claim was read. */
    public boolean isPresent() {
        return !equals(EMPTY);
    }

    /** Whether the token grants {@code role} (OrderCloud role names are case-sensitive, e.g. {@code Shopper}). */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Decodes {@code token} without verifying it (see the class comment); never throws. */
    public static UserClaims decode(String token) {
        if (token == null || token.isBlank()) {
            return EMPTY;
        }
        try {
            JWTClaimsSet claims = JWTParser.parse(token.trim()).getJWTClaimsSet();
            if (claims == null) {
                return EMPTY;
            }
            return new UserClaims(text(claims, "usr"), text(claims, "u"), text(claims, "cid"), roles(claims),
                    text(claims, "usrtype"), text(claims, "orderid"), text(claims, "imp"),
                    Optional.ofNullable(claims.getExpirationTime()).map(java.util.Date::toInstant).orElse(null));
        } catch (ParseException | RuntimeException malformed) {
            return EMPTY;
        }
    }

    private static String text(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value == null ? null : value.toString();
    }

    private static List<String> roles(JWTClaimsSet claims) {
        Object value = claims.getClaim("role");
        if (value instanceof Collection<?> many) {
            return many.stream().filter(Objects::nonNull).map(Object::toString).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }
}
