package io.orderhooks.engine.internal.api.internal;

import io.orderhooks.engine.internal.api.auth.AccountDirectory;
import io.orderhooks.engine.internal.api.auth.OAuthError;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.UserType;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.ApiClient;
import io.orderhooks.core.model.Buyer;
import io.orderhooks.core.model.Supplier;
import io.orderhooks.core.model.User;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The token endpoint's view of the engine's API clients and users. A user may sign in through a client only
 * when the client serves the user's company: {@code AllowSeller} for marketplace-owner users,
 * {@code AllowAnyBuyer} or an assignment for buyer users, {@code AllowAnySupplier} or an assignment for
 * supplier users. Unknown usernames, wrong passwords and users the client does not serve all answer
 * {@code Auth.IncorrectPassword}, so usernames cannot be probed; the password hash is checked with the same
 * work for unknown usernames. After {@link #DEFAULT_MAX_FAILED_LOGINS} (configurable) consecutive wrong passwords
 * the user is locked ({@code Auth.UserLocked}, even with the right password) until an admin unlocks it
 * ({@code POST .../users/{userID}/unlock}) or sets a new password. Thread-safe.
 */
public final class EngineAccounts implements AccountDirectory {

    /** OrderCloud's default {@code AccessTokenDuration}: 600 minutes. */
    static final int DEFAULT_ACCESS_MINUTES = 600;
    /** Consecutive wrong passwords after which a user is locked. */
    public static final int DEFAULT_MAX_FAILED_LOGINS = 10;

    private final Engine engine;
    private final int maxFailedLogins;
    private final io.orderhooks.engine.internal.orgs.TokenVersions versions;

    public EngineAccounts(Engine engine) {
        this(engine, DEFAULT_MAX_FAILED_LOGINS);
    }

    public EngineAccounts(Engine engine, int maxFailedLogins) {
        if (maxFailedLogins < 1) {
            throw new IllegalArgumentException("maxFailedLogins must be positive, was " + maxFailedLogins);
        }
        this.engine = engine;
        this.maxFailedLogins = maxFailedLogins;
        this.versions = new io.orderhooks.engine.internal.orgs.TokenVersions(engine.context().store());
    }

    @Override
    public long tokenVersion(String companyID, String userID) {
        return versions.current(companyID, userID);
    }

    @Override
    public void requireStillValid(io.orderhooks.engine.internal.api.auth.TokenService.Grant grant) {
        if (grant.userID() == null || grant.companyID() == null) {
            return;
        }
        User user = engine.context().store().table(Tables.USERS)
                .find(io.orderhooks.engine.internal.store.Table.key(grant.companyID(), grant.userID()))
                .orElseThrow(EngineAccounts::staleRefresh);
        if (versions.current(grant.companyID(), grant.userID()) != grant.tokenVersion()) {
            throw staleRefresh();
        }
        if (!Boolean.TRUE.equals(user.active())) {
            throw new OAuthError.Failure(400, "invalid_grant", "Auth.UserNotActive", "User " + user.username() + " is not active");
        }
        requireActiveCompany(account(user));
    }

    private static OAuthError.Failure staleRefresh() {
        return new OAuthError.Failure(400, "invalid_grant", "Auth.InvalidRefreshToken",
                "Refresh token is invalid, expired or already used");
    }

    @Override
    public Optional<Client> client(String clientID) {
        return engine.context().store().table(Tables.API_CLIENTS).find(clientID).map(EngineAccounts::toClient);
    }

    /** The token endpoint's view of a stored client (durations in minutes, OrderCloud's defaults). */
    public static Client toClient(ApiClient c) {
        int access = c.accessTokenDuration() == null || c.accessTokenDuration() <= 0 ? DEFAULT_ACCESS_MINUTES : c.accessTokenDuration();
        int refresh = c.refreshTokenDuration() == null ? 0 : Math.max(0, c.refreshTokenDuration());
        return new Client(c.id(), c.clientSecret(), c.active() == null || c.active(), Duration.ofMinutes(access),
                Duration.ofMinutes(refresh), Boolean.TRUE.equals(c.isAnonBuyer()),
                c.maximumGrantedRoles() == null ? List.of() : c.maximumGrantedRoles());
    }

    @Override
    public boolean acceptsAdditionalSecret(Client client, String secret) {
        return new io.orderhooks.engine.internal.security.ApiClientSecrets(engine.context()).matches(client.id(), secret);
    }

    @Override
    public Account authenticate(Client client, String username, String password) {
        io.orderhooks.engine.internal.orgs.OrgService.Login login = engine.orgs().login(username, password, maxFailedLogins);
        if (login.outcome().equals(io.orderhooks.engine.internal.orgs.OrgService.Login.FAILED)) {
            throw incorrect();
        }
        User user = login.user();
        Account account = account(user);
        if (login.outcome().equals(io.orderhooks.engine.internal.orgs.OrgService.Login.LOCKED)) {
            // only a caller who may sign in through this client learns the account is locked
            throw serves(client.id(), account) ? new OAuthError.Failure(400, "invalid_grant", "Auth.UserLocked",
                    "User " + username + " is locked after " + maxFailedLogins + " failed login attempts; an admin"
                            + " must unlock it") : incorrect();
        }
        if (!serves(client.id(), account)) {
            throw incorrect();
        }
        if (!Boolean.TRUE.equals(user.active())) {
            throw new OAuthError.Failure(400, "invalid_grant", "Auth.UserNotActive", "User " + username + " is not active");
        }
        requireActiveCompany(account);
        return account;
    }

    @Override
    public Account contextUser(Client client) {
        ApiClient stored = engine.context().store().table(Tables.API_CLIENTS).find(client.id()).orElseThrow();
        String name = stored.defaultContextUserName();
        if (name == null || name.isBlank()) {
            throw new OAuthError.Failure(400, "invalid_grant", "Auth.UserNotFound",
                    "API client " + client.id() + " has no DefaultContextUserName");
        }
        User user = engine.orgs().findByUsername(name).orElseThrow(() -> new OAuthError.Failure(400, "invalid_grant",
                "Auth.UserNotFound", "DefaultContextUserName " + name + " of API client " + client.id() + " does not exist"));
        Account account = account(user);
        if (!Boolean.TRUE.equals(user.active())) {
            throw new OAuthError.Failure(400, "invalid_grant", "Auth.UserNotActive", "User " + name + " is not active");
        }
        requireActiveCompany(account);
        return account;
    }

    @Override
    public Set<String> grantedRoles(Account account) {
        return engine.securityProfiles().grantedRoles(userType(account), account.companyID(), account.userID());
    }

    @Override
    public java.util.Map<String, String> profile(String companyID, String userID) {
        return engine.orgs().findUser(companyID, userID).map(u -> {
            java.util.Map<String, String> claims = new java.util.LinkedHashMap<>();
            claims.put("email", u.email());
            claims.put("given_name", u.firstName());
            claims.put("family_name", u.lastName());
            return claims;
        }).orElse(java.util.Map.of());
    }

    /** The token endpoint's view of a stored user ({@code admin}, {@code buyer} or {@code supplier}). */
    public Account account(User user) {
        String company = user.companyID();
        String type = company.equals(engine.context().config().sellerOrgID()) ? "admin"
                : engine.context().store().table(Tables.BUYERS).find(company).isPresent() ? "buyer" : "supplier";
        return new Account(user.id(), user.username(), type, company);
    }

    /** Whether a user may sign in through API client {@code clientID} (see the class comment). */
    public boolean serves(String clientID, Account account) {
        ApiClient c = engine.context().store().table(Tables.API_CLIENTS).find(clientID).orElseThrow();
        return switch (userType(account)) {
            case SELLER -> Boolean.TRUE.equals(c.allowSeller());
            case BUYER -> Boolean.TRUE.equals(c.allowAnyBuyer())
                    || engine.integrations().isAssigned(clientID, account.companyID(), null);
            case SUPPLIER -> Boolean.TRUE.equals(c.allowAnySupplier())
                    || engine.integrations().isAssigned(clientID, null, account.companyID());
        };
    }

    private void requireActiveCompany(Account account) {
        boolean active = switch (userType(account)) {
            case SELLER -> true;
            case BUYER -> engine.context().store().table(Tables.BUYERS).find(account.companyID())
                    .map(Buyer::active).map(Boolean.TRUE::equals).orElse(false);
            case SUPPLIER -> engine.context().store().table(Tables.SUPPLIERS).find(account.companyID())
                    .map(Supplier::active).map(Boolean.TRUE::equals).orElse(false);
        };
        if (!active) {
            throw new OAuthError.Failure(400, "invalid_grant", "Auth.CompanyNotActive",
                    "Company " + account.companyID() + " is not active");
        }
    }

    private static UserType userType(Account account) {
        return switch (account.userType()) {
            case "buyer" -> UserType.BUYER;
            case "supplier" -> UserType.SUPPLIER;
            default -> UserType.SELLER;
        };
    }

    private static OAuthError.Failure incorrect() {
        return new OAuthError.Failure(400, "invalid_grant", "Auth.IncorrectPassword",
                "Username not found or password incorrect");
    }
}
