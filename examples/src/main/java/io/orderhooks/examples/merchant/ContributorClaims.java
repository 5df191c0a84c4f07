package io.orderhooks.examples.merchant;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;

/**
 * The group-order claims of a webhook's {@code UserToken}: {@code invid} (the invitation a contributor token
 * was issued for, as the orderhooks engine writes it) and {@code orderid} (the order it may touch). Decoded
 * without verification, as {@link io.orderhooks.webhooks.UserClaims} explains: the payload is authenticated by
 * {@code X-oc-hash}. A token without them, or no readable token, gives nulls.
 */
record ContributorClaims(String invitationID, String orderID) {

    static ContributorClaims decode(String token) {
        if (token == null || token.isBlank()) {
            return new ContributorClaims(null, null);
        }
        try {
            JWTClaimsSet claims = JWTParser.parse(token.trim()).getJWTClaimsSet();
            return new ContributorClaims(text(claims, "invid"), text(claims, "orderid"));
        } catch (ParseException | RuntimeException unreadable) {
            return new ContributorClaims(null, null);
        }
    }

    private static String text(JWTClaimsSet claims, String name) {
        Object value = claims == null ? null : claims.getClaim(name);
        return value == null ? null : value.toString();
    }
}
