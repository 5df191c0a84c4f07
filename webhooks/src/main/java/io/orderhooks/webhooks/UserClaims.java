package io.orderhooks.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.json.OrderCloudJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

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
            String[] parts = token.trim().split("\\.", -1);
            if (parts.length != 3) { // JWS or unsecured JWT; an encrypted JWE has five parts and is not readable
                return EMPTY;
            }
            JsonNode claims = OrderCloudJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (claims == null || !claims.isObject()) {
                return EMPTY;
            }
            JsonNode exp = claims.get("exp");
            return new UserClaims(text(claims, "usr"), text(claims, "u"), text(claims, "cid"), roles(claims),
                    text(claims, "usrtype"), text(claims, "orderid"), text(claims, "imp"),
                    exp != null && exp.canConvertToLong() ? Instant.ofEpochSecond(exp.asLong()) : null);
        } catch (java.io.IOException | RuntimeException malformed) {
            return EMPTY;
        }
    }

    /**
     * These claims as an unsecured JWT ({@code alg: none}, empty signature) in OrderCloud's claim names: what a
     * test kit puts in {@code UserToken}. Absent claims are left out.
     */
    public String toUnsignedToken() {
        ObjectNode body = OrderCloudJson.mapper().createObjectNode();
        put(body, "usr", username);
        put(body, "u", userDatabaseId);
        put(body, "cid", clientId);
        put(body, "usrtype", userType);
        put(body, "orderid", anonymousOrderId);
        put(body, "imp", impersonatingUserDatabaseId);
        if (!roles.isEmpty()) {
            body.putArray("role").addAll(roles.stream().map(body::textNode).toList());
        }
        if (expiresAt != null) {
            body.put("exp", expiresAt.getEpochSecond());
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(body.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static void put(ObjectNode body, String name, String value) {
        if (value != null) {
            body.put(name, value);
        }
    }

    private static String text(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    private static List<String> roles(JsonNode claims) {
        JsonNode value = claims.get("role");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isArray()) {
            List<String> roles = new ArrayList<>();
            value.forEach(r -> {
                if (!r.isNull()) {
                    roles.add(r.asText());
                }
            });
            return roles;
        }
        return List.of(value.asText());
    }
}
