package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.api.auth.AccountDirectory;
import io.orderhooks.engine.internal.api.auth.TokenService;
import io.orderhooks.engine.internal.api.internal.EngineAccounts;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.UserType;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.ApiClient;
import io.orderhooks.core.model.User;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code v1/buyers/{buyerID}/users} (see {@link UserRoutes}), user groups and addresses, plus impersonation
 * ({@code POST .../accesstoken}, role BuyerImpersonation) and {@code POST .../moveto/{newBuyerID}}.
 */
public final class BuyerUserRoutes {

    /** OrderCloud's {@code ImpersonateTokenRequest}. */
    public record ImpersonateTokenRequest(@JsonProperty("ClientID") String clientID,
            @JsonProperty("Roles") List<String> roles, @JsonProperty("CustomRoles") List<String> customRoles) {}

    private BuyerUserRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        t.get("v1/buyerusers", CompanyKind.BUYER.userRead, r -> ctx.list(r, ctx.engine().orgs().listBuyerUsers(ctx.caller(r)), User.class));
        UserRoutes.register(t, ctx, CompanyKind.BUYER);
        UserGroupRoutes.register(t, ctx, CompanyKind.BUYER);
        AddressRoutes.register(t, ctx, CompanyKind.BUYER);
        t.post("v1/buyers/{buyerID}/users/{userID}/accesstoken", 201, roles("BuyerImpersonation"), r -> {
            Caller c = UserRoutes.visible(ctx, r, CompanyKind.BUYER);
            User user = ctx.engine().orgs().getUser(c, r.param("buyerID"), r.param("userID"));
            return impersonate(ctx, user, ctx.body(r, ImpersonateTokenRequest.class));
        });
        t.post("v1/buyers/{buyerID}/users/{userID}/moveto/{newBuyerID}", 201, roles("BuyerUserAdmin"), r -> {
            Caller c = UserRoutes.visible(ctx, r, CompanyKind.BUYER);
            String orders = r.queryParam("orders") == null ? "None" : r.queryParam("orders");
            if (!orders.equalsIgnoreCase("None")) {
                throw OrderCloudException.validation("orders=" + orders + " is not supported: orderhooks moves users "
                        + "without their orders (orders=None)");
            }
            return ctx.engine().orgs().moveUser(c, r.param("buyerID"), r.param("userID"), r.param("newBuyerID"));
        });
    }

    /**
     * A token for {@code user} through the requested client: roles = requested ∩ the user's granted roles
     * (∩ the client's {@code MaximumGrantedRoles}); the client must be active and serve the user's buyer.
     */
    static Object impersonate(ApiContext ctx, User user, ImpersonateTokenRequest req) {
        if (req.clientID() == null || req.clientID().isBlank()) {
            throw OrderCloudException.validation("ClientID is required");
        }
        ApiClient client = ctx.engine().context().store().table(Tables.API_CLIENTS).find(req.clientID())
                .orElseThrow(() -> OrderCloudException.notFound("ApiClient", req.clientID()));
        boolean serves = Boolean.TRUE.equals(client.allowAnyBuyer())
                || ctx.engine().integrations().isAssigned(client.id(), user.companyID(), null);
        if ((client.active() != null && !client.active()) || !serves) {
            throw new OrderCloudException(400, "Auth.InvalidClientID",
                    "API client " + client.id() + " is not active or not assigned to buyer " + user.companyID());
        }
        Set<String> roles = new LinkedHashSet<>();
        if (req.roles() != null) {
            roles.addAll(req.roles());
        }
        if (req.customRoles() != null) {
            roles.addAll(req.customRoles());
        }
        Set<String> granted = ctx.engine().securityProfiles().grantedRoles(UserType.BUYER, user.companyID(), user.id());
        if (!granted.contains("FullAccess")) {
            roles.retainAll(granted);
        }
        if (client.maximumGrantedRoles() != null && !client.maximumGrantedRoles().isEmpty()) {
            roles.retainAll(client.maximumGrantedRoles());
        }
        AccountDirectory.Client c = EngineAccounts.toClient(client);
        return ctx.oauth().tokenFor(new TokenService.Grant(user.username(), user.id(), client.id(), new ArrayList<>(roles),
                "buyer", user.companyID(), null, null, false), c.accessTokenDuration());
    }
}
