package io.orderhooks.engine.internal.api.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code POST /oauth/token}: the {@code password}, {@code client_credentials} and {@code refresh_token}
 * grants, answering {@code {access_token, token_type, expires_in, refresh_token}}. A token's roles are the
 * requested {@code scope} ∩ the roles granted to the user (∩ the client's {@code MaximumGrantedRoles} when
 * set). Transport-free: the server hands it the form fields.
 */
public final class OAuthEndpoint {

    private static final java.security.SecureRandom ANON_IDS = new java.security.SecureRandom();

    private final AccountDirectory directory;
    private final TokenService tokens;
    private final RefreshTokens refreshTokens;

    public OAuthEndpoint(AccountDirectory directory, TokenService tokens, RefreshTokens refreshTokens) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
    }

    public TokenService tokens() {
        return tokens;
    }

    /** Answers a token request; throws {@link OAuthError.Failure} for every refusal. */
    public Map<String, Object> token(Map<String, String> form) {
        String grantType = required(form, "grant_type");
        AccountDirectory.Client client = client(required(form, "client_id"));
        return switch (grantType) {
            case "password" -> {
                // a confidential client (one with a secret) must prove it; a public one (no secret) need not
                if (client.secret() != null && !client.secret().isBlank()) {
                    checkSecret(client, form.get("client_secret"));
                } else {
                    checkSecretIfGiven(client, form.get("client_secret"));
                }
                AccountDirectory.Account account = directory.authenticate(client,
                        required(form, "username"), required(form, "password"));
                yield respond(client, grant(client, account, scope(form), false));
            }
            case "client_credentials" -> {
                if (!client.anonymousBuyer() || form.get("client_secret") != null) {
                    checkSecret(client, form.get("client_secret"));
                }
                AccountDirectory.Account account = directory.contextUser(client);
                yield respond(client, grant(client, account, scope(form), client.anonymousBuyer()
                        && form.get("client_secret") == null));
            }
            case "refresh_token" -> {
                TokenService.Grant previous = refreshTokens.redeem(required(form, "refresh_token"))
                        .filter(g -> g.clientID().equals(client.id()))
                        .orElseThrow(() -> new OAuthError.Failure(400, "invalid_grant", "Auth.InvalidRefreshToken",
                                "Refresh token is invalid, expired or already used"));
                directory.requireStillValid(previous);
                yield respond(client, previous);
            }
            default -> throw new OAuthError.Failure(400, "unsupported_grant_type", "Auth.UnsupportedGrantType",
                    "grant_type must be password, client_credentials or refresh_token, was " + grantType);
        };
    }

    /** A token for a known grant (group-order contributors, impersonation); no refresh token. */
    public Map<String, Object> tokenFor(TokenService.Grant grant, Duration lifetime) {
        TokenService.Issued issued = tokens.issue(grant.withTokenVersion(
                directory.tokenVersion(grant.companyID(), grant.userID())), lifetime);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.token());
        body.put("token_type", "bearer");
        body.put("expires_in", lifetime.getSeconds());
        body.put("refresh_token", null);
        return body;
    }

    /**
     * {@code GET oauth/userinfo}: OrderCloud's {@code IdentityToken} {@code {identity_token, expires_in}} for the
     * bearer of a valid access token ({@link TokenService#identityToken}).
     */
    public Map<String, Object> userInfo(AccessClaims access) {
        Map<String, String> profile = access.anonymous() || access.userID() == null ? Map.of()
                : directory.profile(access.companyID(), access.userID());
        TokenService.Issued issued = tokens.identityToken(access, profile);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("identity_token", issued.token());
        body.put("expires_in", issued.expiresInSeconds(tokens.clock()));
        return body;
    }

    /**
     * A token (with a refresh token when the client allows them) for {@code account} through {@code clientID}, with
     * the roles of {@code scope} that the account is granted: what {@code Me.Register} answers the new user.
     */
    public Map<String, Object> tokenForAccount(String clientID, AccountDirectory.Account account, java.util.Collection<String> scope) {
        AccountDirectory.Client client = client(clientID);
        return respond(client, grant(client, account, new LinkedHashSet<>(scope), false));
    }

    private Map<String, Object> respond(AccountDirectory.Client client, TokenService.Grant grant) {
        TokenService.Issued issued = tokens.issue(grant, client.accessTokenDuration());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.token());
        body.put("token_type", "bearer");
        body.put("expires_in", client.accessTokenDuration().getSeconds());
        Duration refreshLife = client.refreshTokenDuration();
        body.put("refresh_token", refreshLife != null && !refreshLife.isZero() && !grant.anonymous()
                ? refreshTokens.issue(grant, refreshLife) : null);
        return body;
    }

    private TokenService.Grant grant(AccountDirectory.Client client, AccountDirectory.Account account,
            Set<String> requested, boolean anonymous) {
        Set<String> roles = new LinkedHashSet<>(requested);
        Set<String> granted = directory.grantedRoles(account);
        if (!granted.contains("FullAccess")) {
            roles.retainAll(granted);
        }
        if (client.maximumGrantedRoles() != null && !client.maximumGrantedRoles().isEmpty()) {
            roles.retainAll(client.maximumGrantedRoles());
        }
        // an anonymous shopper's token reserves the ID of its own cart (OrderCloud's orderid claim), so anonymous
        // shoppers of one client never share a cart and PUT v1/me/orders can transfer exactly that order
        String anonOrderID = anonymous ? newAnonymousOrderID() : null;
        return new TokenService.Grant(account.username(), account.userID(), client.id(), new ArrayList<>(roles),
                account.userType(), account.companyID(), anonOrderID, null, anonymous,
                directory.tokenVersion(account.companyID(), account.userID()));
    }

    private static String newAnonymousOrderID() {
        byte[] raw = new byte[16];
        ANON_IDS.nextBytes(raw);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private AccountDirectory.Client client(String clientID) {
        AccountDirectory.Client client = directory.client(clientID)
                .orElseThrow(() -> new OAuthError.Failure(400, "invalid_client", "Auth.InvalidClientID",
                        "No active API client with ID " + clientID));
        if (!client.active()) {
            throw new OAuthError.Failure(400, "invalid_client", "Auth.InvalidClientID", "API client " + clientID + " is not active");
        }
        return client;
    }

    private void checkSecretIfGiven(AccountDirectory.Client client, String secret) {
        if (secret != null) {
            checkSecret(client, secret);
        }
    }

    private void checkSecret(AccountDirectory.Client client, String secret) {
        boolean primary = client.secret() != null && secret != null && java.security.MessageDigest.isEqual(
                client.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        boolean ok = primary || (secret != null && directory.acceptsAdditionalSecret(client, secret));
        if (!ok) {
            throw new OAuthError.Failure(400, "invalid_client", "Auth.InvalidClientSecret", "Client secret is not valid");
        }
    }

    private static Set<String> scope(Map<String, String> form) {
        String scope = form.get("scope");
        if (scope == null || scope.isBlank()) {
            throw new OAuthError.Failure(400, "invalid_scope", "Auth.MissingScope",
                    "scope is required: a space-delimited list of roles");
        }
        return new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
    }

    private static String required(Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            throw new OAuthError.Failure(400, "invalid_request", "Auth.MissingField", field + " is required");
        }
        return value;
    }
}
