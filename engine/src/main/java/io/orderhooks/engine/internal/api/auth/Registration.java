package io.orderhooks.engine.internal.api.auth;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.User;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.UserType;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code PUT v1/me/register}: an anonymous shopper becomes a user of its buyer and keeps its cart. The new user is
 * created from the {@code MeUser} body ({@code Username}, {@code FirstName}, {@code LastName}, {@code Email}
 * required; active), the anonymous shopper's order (the one {@code anonUserToken}, or else the bearer, reserved)
 * moves to it as its cart, and the answer is a token for the new user through the same API client, with the roles
 * of the anonymous token that the user is granted.
 *
 * <p><b>Taken usernames.</b> A taken username answers 409 {@code User.UsernameMustBeUnique}, exactly as OrderCloud
 * does for any user create; an ID that exists answers 409 {@code IdExists}. Both reveal only what OrderCloud reveals;
 * registrations are rate-limited per client and per username ({@link AccountRecovery#limit}) so the answer cannot be
 * used to list usernames at speed. Thread-safe.
 */
public final class Registration {

    private final Engine engine;
    private final OAuthEndpoint oauth;
    private final AccountRecovery limits;

    public Registration(Engine engine, OAuthEndpoint oauth, AccountRecovery limits) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.oauth = Objects.requireNonNull(oauth, "oauth");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Registers {@code body} for the anonymous shopper {@code bearer}; {@code anonCart} is the anonymous token whose
     * cart moves (null: the bearer's). 403 unless the bearer is an anonymous shopper.
     */
    public Map<String, Object> register(AccessClaims bearer, AccessClaims anonCart, User body) {
        if (!bearer.anonymous() || !"buyer".equals(bearer.userType())) {
            throw Errors.forbidden("only an anonymous shopper can register (Me.Register)");
        }
        AccessClaims cart = anonCart != null ? anonCart : bearer;
        if (!cart.anonymous() || !bearer.companyID().equals(cart.companyID())) {
            throw OrderCloudException.validation("anonUserToken must be an anonymous shopper token of buyer " + bearer.companyID());
        }
        for (String field : new String[] {"Username", "FirstName", "LastName", "Email"}) {
            if (value(body, field) == null || value(body, field).isBlank()) {
                throw Errors.required(field);
            }
        }
        limits.limit("me/register", bearer.clientID(), body.username());
        String buyerID = bearer.companyID();
        Caller system = Caller.seller("system", engine.context().config().sellerOrgID(), null, "FullAccess");
        User created = engine.orgs().saveUser(system, buyerID, body.toBuilder().active(true).xp(body.xp())
                .availableRoles(null).failedLoginAttempts(null).dateCreated(null).passwordLastSetDate(null).lastActive(null).build(), true);
        Caller user = new Caller(created.id(), UserType.BUYER, buyerID, Set.copyOf(bearer.roles()), bearer.clientID(),
                null, null, false);
        Caller anonymous = new Caller(cart.userID(), UserType.BUYER, buyerID, Set.copyOf(cart.roles()), cart.clientID(),
                null, cart.orderID(), true);
        engine.cart().transferAnonymous(user, anonymous);
        return oauth.tokenForAccount(bearer.clientID(),
                new AccountDirectory.Account(created.id(), created.username(), "buyer", buyerID), bearer.roles());
    }

    private static String value(User u, String field) {
        return switch (field) {
            case "Username" -> u.username();
            case "FirstName" -> u.firstName();
            case "LastName" -> u.lastName();
            default -> u.email();
        };
    }
}
