package io.orderhooks.engine.internal.api.auth;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the token endpoint needs to know about API clients and users; the engine implements it. Methods
 * that refuse throw {@link OAuthError.Failure} with OrderCloud's {@code Auth.*} code.
 */
public interface AccountDirectory {

    /** An API client as the token endpoint sees it. */
    record Client(String id, String secret, boolean active, Duration accessTokenDuration,
            Duration refreshTokenDuration, boolean anonymousBuyer, List<String> maximumGrantedRoles) {}

    /** A user who may receive a token. */
    record Account(String userID, String username, String userType, String companyID) {}

    Optional<Client> client(String clientID);

    /** The user {@code username} may sign in through {@code client} with {@code password}. */
    Account authenticate(Client client, String username, String password);

    /** The client's default context user, for {@code client_credentials} (and anonymous shopping). */
    Account contextUser(Client client);

    /** The roles security profiles grant {@code account} (seller, buyer/supplier, group and user levels). */
    Set<String> grantedRoles(Account account);

    /** The current token version of a user (see {@code TokenVersions}); 0 when the directory keeps none. */
    default long tokenVersion(String companyID, String userID) {
        return 0;
    }

    /**
     * Re-checks the user behind a grant being renewed (refresh token): it still exists, is active, its company
     * is active and its token version is the grant's. Throws {@link OAuthError.Failure} otherwise.
     */
    default void requireStillValid(TokenService.Grant grant) {
    }

    /**
     * Whether {@code secret} is another active secret of the client besides {@link Client#secret()} (e.g. one
     * added for rotation). Must compare in constant time. Default: none.
     */
    default boolean acceptsAdditionalSecret(Client client, String secret) {
        return false;
    }

    /** Profile claims of a user for its identity token ({@code email}, {@code given_name}, {@code family_name}). */
    default java.util.Map<String, String> profile(String companyID, String userID) {
        return java.util.Map.of();
    }
}
