package io.orderhooks.core.api.resources;

import static io.orderhooks.core.api.RouteTable.roles;

import io.orderhooks.core.api.ApiRequest;
import io.orderhooks.core.api.RouteTable;
import io.orderhooks.core.api.auth.OAuthEndpoint;
import io.orderhooks.core.api.auth.TokenService;
import io.orderhooks.core.engine.Caller;
import io.orderhooks.core.engine.grouporders.ContributorGrant;
import io.orderhooks.core.engine.grouporders.GroupOrderService;
import io.orderhooks.core.engine.grouporders.InvitationPatch;
import io.orderhooks.core.engine.query.ListQuery;
import io.orderhooks.core.engine.query.PropertyReaders;
import io.orderhooks.core.engine.query.QuerySchema;
import io.orderhooks.core.model.GroupOrderInvitation;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Group ordering over HTTP: {@code v1/me/orderinvitations[/{invitationID}]} (role {@code Shopper}) and
 * {@code POST v1/grouporders/{invitationID}/token}.
 *
 * <p>The token route is public: whoever holds an invitation ID may exchange it for a contributor token (the ID
 * is the secret, as OrderCloud's invitation links work). A bearer token, if sent, only lends its API client ID;
 * otherwise the token is for the client the creator used. The token lives {@value #MAX_TOKEN_MINUTES} minutes at
 * most and never beyond the invitation's {@code ExpirationDate}; it has no refresh token.
 */
public final class GroupOrderRoutes {

    /** The longest a contributor token lives (OrderCloud's default access token duration). */
    public static final long MAX_TOKEN_MINUTES = 600;
    /** The client ID of a contributor token when neither the request nor the invitation names one. */
    public static final String FALLBACK_CLIENT_ID = "grouporders";

    private static final QuerySchema SCHEMA = QuerySchema.forType(GroupOrderInvitation.class).build();

    private final GroupOrderService service;
    private final OAuthEndpoint oauth;
    private final Clock clock;
    private final Function<ApiRequest, Caller> callers;

    /**
     * @param callers turns an authenticated request into the engine's caller (the assembly's one mapping)
     */
    public GroupOrderRoutes(GroupOrderService service, OAuthEndpoint oauth, Clock clock, Function<ApiRequest, Caller> callers) {
        this.service = Objects.requireNonNull(service, "service");
        this.oauth = Objects.requireNonNull(oauth, "oauth");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.callers = Objects.requireNonNull(callers, "callers");
    }

    /** Adds the routes to {@code table}. */
    public void register(RouteTable table) {
        String mine = "v1/me/orderinvitations";
        table.get(mine, roles("Shopper"), r -> ListQuery.parse(r.query(), SCHEMA)
                .apply(service.list(callers.apply(r)), PropertyReaders.forRecord(GroupOrderInvitation.class)));
        table.post(mine, 201, roles("Shopper"), r -> service.create(callers.apply(r), r.body(GroupOrderInvitation.class)));
        table.get(mine + "/{invitationID}", roles("Shopper"), r -> service.get(callers.apply(r), r.param("invitationID")));
        table.patch(mine + "/{invitationID}", roles("Shopper"), r -> service.patch(callers.apply(r), r.param("invitationID"), patch(r)));
        table.delete(mine + "/{invitationID}", roles("Shopper"), r -> {
            service.delete(callers.apply(r), r.param("invitationID"));
            return null;
        });
        table.post("v1/grouporders/{invitationID}/token", 200, null, this::token);
    }

    private Object token(ApiRequest r) {
        ContributorGrant g = service.contributorGrant(r.param("invitationID"));
        String clientID = r.caller() != null ? r.caller().clientID()
                : g.creatorClientID() != null ? g.creatorClientID() : FALLBACK_CLIENT_ID;
        Duration untilExpiry = Duration.between(clock.instant(), g.validUntil().toInstant());
        Duration lifetime = untilExpiry.compareTo(Duration.ofMinutes(MAX_TOKEN_MINUTES)) < 0 ? untilExpiry : Duration.ofMinutes(MAX_TOKEN_MINUTES);
        if (lifetime.getSeconds() < 1) {
            lifetime = Duration.ofSeconds(1);
        }
        return oauth.tokenFor(new TokenService.Grant(g.username(), g.userID(), clientID, g.roles(), "buyer", g.buyerID(),
                g.orderID(), g.invitationID(), false), lifetime);
    }

    private static InvitationPatch patch(ApiRequest r) {
        GroupOrderInvitation b = r.body(GroupOrderInvitation.class);
        return new InvitationPatch(b.name(), b.expirationDate(), b.orderID(), b.xp());
    }
}
