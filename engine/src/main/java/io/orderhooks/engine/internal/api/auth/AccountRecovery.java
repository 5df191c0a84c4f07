package io.orderhooks.engine.internal.api.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.User;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.api.internal.EngineAccounts;
import io.orderhooks.engine.internal.messages.MessageTypes;
import io.orderhooks.engine.internal.store.Tables;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Forgotten credentials: {@code POST v1/password/reset} (a verification code and a password-reset token sent as a
 * {@code ForgottenPassword} message), {@code PUT v1/password/reset/{code}}, {@code POST v1/me/password} (reset by
 * that token) and {@code POST v1/username/retrieve} ({@code ForgottenUsername} message).
 *
 * <p><b>No enumeration.</b> Requests for unknown usernames or emails, inactive users and users the API client does not
 * serve answer exactly like the others (204, nothing sent). Codes are single-use, expire
 * ({@link VerificationCodes#LIFETIME}) and are stored only as hashes; a wrong, expired, used or mismatched code answers
 * 400 {@code Auth.InvalidVerificationCode}. Every route is rate-limited per client and per username/email
 * ({@link AttemptLimiter}, 429 {@code TooManyRequests}). A new password revokes the user's tokens (its token version
 * moves on), so the reset token works once. Thread-safe.
 */
public final class AccountRecovery {

    /** Attempts per username or email, and per API client, in each {@link #WINDOW}. */
    public static final int PER_IDENTITY = 5;
    public static final int PER_CLIENT = 100;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final Engine engine;
    private final EngineAccounts accounts;
    private final TokenService tokens;
    private final VerificationCodes codes;
    private final AttemptLimiter perIdentity;
    private final AttemptLimiter perClient;

    public AccountRecovery(Engine engine, TokenService tokens) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.accounts = new EngineAccounts(engine);
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.codes = new VerificationCodes(engine.context().clock(), engine.context().store());
        var store = engine.context().store();
        this.perIdentity = AttemptLimiter.on(store, "self-service/identity", engine.context().clock(), WINDOW, PER_IDENTITY);
        this.perClient = AttemptLimiter.on(store, "self-service/client", engine.context().clock(), WINDOW, PER_CLIENT);
    }

    /** Counts an attempt of {@code route} through {@code clientID} for {@code identity} (429 beyond the limits). */
    public void limit(String route, String clientID, String identity) {
        perClient.attempt(route + "/client/" + clientID);
        if (identity != null) {
            perIdentity.attempt(route + "/who/" + identity);
        }
    }

    /**
     * {@code ForgottenCredentials.SendVerificationCode}: for the active user named by {@code Username} (and, when
     * given, {@code Email}) or else every active user with {@code Email}, served by {@code ClientID}.
     */
    public void sendVerificationCode(String clientID, String username, String email, String url) {
        requireClient(clientID);
        if (isBlank(username) && isBlank(email)) {
            throw OrderCloudException.validation("Username or Email is required");
        }
        limit("password/reset", clientID, isBlank(username) ? email : username);
        for (User u : recipients(clientID, username, email)) {
            String code = codes.issue(u.companyID(), u.id(), clientID);
            notify(clientID, MessageTypes.FORGOTTEN_PASSWORD, u, renewal(u, url, code, clientID));
        }
    }

    /**
     * {@code NewUserInvitation} for a user just created without a password: a verification code (redeemable through
     * any API client that serves the user) and a reset token, so the user can set a password.
     */
    public void invite(Caller creator, User created) {
        String clientID = creator.clientID() == null ? "orderhooks" : creator.clientID();
        String code = codes.issue(created.companyID(), created.id(), null);
        ObjectNode body = renewal(created, null, code, clientID);
        notify(creator.clientID(), MessageTypes.NEW_USER_INVITATION, created, body);
    }

    private ObjectNode renewal(User u, String url, String code, String clientID) {
        TokenService.Grant grant = new TokenService.Grant(u.username(), u.id(), clientID, List.of("PasswordReset"),
                accounts.account(u).userType(), u.companyID(), null, null, false,
                accounts.tokenVersion(u.companyID(), u.id()));
        return OrderCloudJson.mapper().createObjectNode().put("Username", u.username())
                .put("PasswordRenewalUrl", url).put("PasswordRenewalVerificationCode", code)
                .put("PasswordRenewalAccessToken", tokens.issue(grant, VerificationCodes.LIFETIME).token());
    }

    /** {@code ForgottenCredentials.ResetPasswordByVerificationCode}: the code must be {@code username}'s, via {@code clientID}. */
    public void resetByCode(String code, String clientID, String username, String password) {
        requireClient(clientID);
        if (isBlank(username)) {
            throw Errors.required("Username");
        }
        requirePassword(password);
        limit("password/reset/code", clientID, username);
        AuthTables.StoredCode used = codes.redeem(code, c -> engine.orgs().findUser(c.companyID(), c.userID())
                        .filter(u -> u.username().equalsIgnoreCase(username))
                        .filter(u -> c.clientID() == null ? accounts.serves(clientID, accounts.account(u)) : c.clientID().equals(clientID))
                        .isPresent())
                .orElseThrow(() -> Errors.bad("Auth.InvalidVerificationCode",
                        "Verification code is invalid, expired or already used"));
        setPassword(used.companyID(), used.userID(), password);
    }

    /** {@code Me.ResetPasswordByToken}: the bearer's new password; its tokens (this one too) are revoked. */
    public void resetByToken(Caller bearer, String newPassword) {
        if (bearer.anonymous() || bearer.isGroupOrderContributor()) {
            throw Errors.forbidden("an anonymous shopper has no password to reset");
        }
        requirePassword(newPassword);
        setPassword(bearer.companyID(), bearer.userID(), newPassword);
    }

    /** {@code ForgottenCredentials.RetrieveUsername}: a {@code ForgottenUsername} message to each matching user. */
    public void retrieveUsername(String clientID, String email) {
        requireClient(clientID);
        if (isBlank(email)) {
            throw Errors.required("email");
        }
        limit("username/retrieve", clientID, email);
        for (User u : recipients(clientID, null, email)) {
            notify(clientID, MessageTypes.FORGOTTEN_USERNAME, u,
                    OrderCloudJson.mapper().createObjectNode().put("Username", u.username()));
        }
    }

    private List<User> recipients(String clientID, String username, String email) {
        List<User> candidates = !isBlank(username) ? engine.orgs().findByUsername(username).stream().toList()
                : engine.context().store().table(Tables.USERS).list().stream()
                        .filter(u -> u.email() != null && u.email().equalsIgnoreCase(email)).toList();
        return candidates.stream()
                .filter(u -> isBlank(email) || (u.email() != null && u.email().equalsIgnoreCase(email)))
                .filter(u -> Boolean.TRUE.equals(u.active()) && accounts.serves(clientID, accounts.account(u)))
                .map(u -> engine.orgs().findUser(u.companyID(), u.id()).orElseThrow()).toList();
    }

    private void notify(String clientID, String type, User u, ObjectNode body) {
        Caller trigger = Caller.seller("system", engine.context().config().sellerOrgID(), clientID);
        String buyerID = "buyer".equals(accounts.account(u).userType()) ? u.companyID() : null;
        engine.messages().send(trigger, type, u.companyID(), List.of(u.id()), buyerID, body);
    }

    private void setPassword(String companyID, String userID, String password) {
        User user = engine.orgs().findUser(companyID, userID).orElseThrow(() -> Errors.notFound("User", userID));
        Caller system = Caller.seller("system", engine.context().config().sellerOrgID(), null, "FullAccess");
        engine.orgs().saveUser(system, companyID, user.toBuilder().password(password).build());
    }

    private void requireClient(String clientID) {
        if (isBlank(clientID)) {
            throw Errors.required("ClientID");
        }
        boolean active = accounts.client(clientID).map(AccountDirectory.Client::active).orElse(false);
        if (!active) {
            throw Errors.bad("Auth.InvalidClientID", "No active API client with ID " + clientID);
        }
    }

    static void requirePassword(String password) {
        if (isBlank(password)) {
            throw Errors.required("Password");
        }
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
