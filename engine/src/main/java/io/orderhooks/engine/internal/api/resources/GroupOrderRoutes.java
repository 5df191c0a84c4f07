package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.ApiRequest;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.api.auth.TokenService;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.grouporders.ContributorGrant;
import io.orderhooks.engine.internal.grouporders.GroupOrderService;
import io.orderhooks.engine.internal.grouporders.InvitationPatch;
import io.orderhooks.core.model.GroupOrderInvitation;
import java.time.Duration;

/**
 * Group ordering over HTTP: {@code v1/me/orderinvitations[/{invitationID}]} (role {@code Shopper}) and
 * {@code POST v1/grouporders/{invitationID}/token}.
 *
 * <p>The token route is public: whoever holds an invitation ID may exchange it for a contributor token (the ID
 * is the secret, as OrderCloud's shared invitation links work). The token is always for the API client the
 * creator used, whatever bearer token (if any) the request carries, so the creator's client's pre-webhooks (e.g.
 * a spending cap) fire for every contributor. It lives {@value #MAX_TOKEN_MINUTES} minutes at most
 * and never beyond the invitation's {@code ExpirationDate}; there is no refresh token. What the token may do is
 * decided by the engine ({@code engine.grouporders.Contributors}) and, per route, by {@code ContributorRoutes}.
 */
public final class GroupOrderRoutes {

    /** The longest a contributor token lives (OrderCloud's default access token duration). */
    public static final long MAX_TOKEN_MINUTES = 600;
    /** The client ID of a contributor token when neither the request nor the invitation names one. */
    public static final String FALLBACK_CLIENT_ID = "grouporders";

    private GroupOrderRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        GroupOrderService groups = ctx.engine().groupOrders();
        String mine = "v1/me/orderinvitations";
        String one = mine + "/{invitationID}";
        t.get(mine, roles("Shopper"), r -> ctx.list(r, groups.list(ctx.caller(r)), GroupOrderInvitation.class));
        t.post(mine, 201, roles("Shopper"), r -> groups.create(ctx.caller(r), ctx.body(r, GroupOrderInvitation.class)));
        t.get(one, roles("Shopper"), r -> groups.get(ctx.caller(r), r.param("invitationID")));
        t.patch(one, roles("Shopper"), r -> {
            Caller c = ctx.caller(r);
            GroupOrderInvitation merged = ctx.patch(r, groups.get(c, r.param("invitationID")), GroupOrderInvitation.class);
            return groups.patch(c, r.param("invitationID"),
                    new InvitationPatch(merged.name(), merged.expirationDate(), merged.orderID(), merged.xp()));
        });
        t.delete(one, roles("Shopper"), r -> {
            groups.delete(ctx.caller(r), r.param("invitationID"));
            return null;
        });
        t.post("v1/grouporders/{invitationID}/token", 200, null, r -> token(ctx, r));
    }

    private static Object token(ApiContext ctx, ApiRequest r) {
        ContributorGrant g = ctx.engine().groupOrders().contributorGrant(r.param("invitationID"));
        String clientID = g.creatorClientID() != null ? g.creatorClientID() : FALLBACK_CLIENT_ID;
        Duration untilExpiry = Duration.between(ctx.engine().context().clock().instant(), g.validUntil().toInstant());
        Duration max = Duration.ofMinutes(MAX_TOKEN_MINUTES);
        Duration lifetime = untilExpiry.compareTo(max) < 0 ? untilExpiry : max;
        if (lifetime.getSeconds() < 1) {
            lifetime = Duration.ofSeconds(1);
        }
        return ctx.oauth().tokenFor(new TokenService.Grant(g.username(), g.userID(), clientID, g.roles(), "buyer",
                g.buyerID(), g.orderID(), g.invitationID(), false), lifetime);
    }
}
