package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.ApiRequest;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.integrations.IntegrationService;
import io.orderhooks.engine.internal.security.ApiClientSecrets;
import io.orderhooks.engine.internal.security.ApiRoles;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.ApiClient;
import io.orderhooks.core.model.ApiClientAssignment;
import io.orderhooks.core.model.ApiClientSecret;
import io.orderhooks.core.model.IntegrationEvent;
import java.util.List;
import java.util.Set;

/**
 * {@code v1/apiclients} and their buyer/supplier assignments (ApiClientAdmin writes, ApiClientReader reads).
 * {@code ClientSecret} is shown only to ApiClientAdmin; the counts and integration event names are computed.
 * {@code v1/apiclients/{id}/secrets}: additional secrets for rotation ({@link ApiClientSecrets}; ApiClientAdmin).
 */
public final class ApiClientRoutes {

    static final Set<String> READ = roles("ApiClientReader", "ApiClientAdmin");
    static final Set<String> ADMIN = roles("ApiClientAdmin");

    private ApiClientRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        IntegrationService s = ctx.engine().integrations();
        t.get("v1/apiclients", READ, r -> ctx.list(r, s.listClients(ctx.caller(r)).stream().map(c -> view(ctx, r, c)).toList(),
                ApiClient.class));
        t.post("v1/apiclients", 201, ADMIN, r -> view(ctx, r, s.createClient(ctx.caller(r), valid(ctx.body(r, ApiClient.class)))));
        t.get("v1/apiclients/{apiClientID}", READ, r -> view(ctx, r, s.getClient(ctx.caller(r), r.param("apiClientID"))));
        t.put("v1/apiclients/{apiClientID}", ADMIN, r -> {
            Caller c = ctx.caller(r);
            s.getClient(c, r.param("apiClientID"));
            ApiClient body = ctx.body(r, ApiClient.class);
            Ids.requireSame(body.id(), r.param("apiClientID"));
            return view(ctx, r, s.saveClient(c, valid(body.toBuilder().id(r.param("apiClientID")).build())));
        });
        t.patch("v1/apiclients/{apiClientID}", ADMIN, r -> {
            Caller c = ctx.caller(r);
            ApiClient merged = ctx.patch(r, s.getClient(c, r.param("apiClientID")), ApiClient.class);
            Ids.requireSame(merged.id(), r.param("apiClientID"));
            return view(ctx, r, s.saveClient(c, valid(merged)));
        });
        t.delete("v1/apiclients/{apiClientID}", ADMIN, r -> {
            Caller c = ctx.caller(r);
            ApiClient client = s.getClient(c, r.param("apiClientID"));
            boolean lastSeller = Boolean.TRUE.equals(client.allowSeller()) && s.listClients(c).stream()
                    .filter(x -> Boolean.TRUE.equals(x.allowSeller()) && !Boolean.FALSE.equals(x.active())).count() <= 1;
            if (lastSeller) {
                throw new OrderCloudException(400, "ApiClient.CannotDeleteLastFullAccess",
                        "Cannot delete the last active API client that allows seller users");
            }
            s.deleteClient(c, client.id());
            new ApiClientSecrets(ctx.engine().context()).deleteAll(client.id());
            return null;
        });
        t.get("v1/apiclients/assignments", READ, r -> ctx.list(r, s.listAssignments(ctx.caller(r)), ApiClientAssignment.class));
        t.post("v1/apiclients/assignments", 204, ADMIN, r -> {
            s.assign(ctx.caller(r), ctx.body(r, ApiClientAssignment.class));
            return null;
        });
        t.delete("v1/buyers/{buyerID}/ApiClients/Assignments/{apiClientID}", ADMIN, r -> {
            s.unassign(ctx.caller(r), new ApiClientAssignment(r.param("apiClientID"), r.param("buyerID"), null));
            return null;
        });
        t.delete("v1/suppliers/{supplierID}/ApiClients/Assignments/{apiClientID}", ADMIN, r -> {
            s.unassign(ctx.caller(r), new ApiClientAssignment(r.param("apiClientID"), null, r.param("supplierID")));
            return null;
        });
        registerSecrets(t, ctx);
    }

    private static void registerSecrets(RouteTable t, ApiContext ctx) {
        ApiClientSecrets secrets = new ApiClientSecrets(ctx.engine().context());
        String base = "v1/apiclients/{apiClientID}/secrets";
        t.get(base, ADMIN, r -> ctx.list(r, secrets.list(ctx.caller(r), r.param("apiClientID")), ApiClientSecret.class));
        t.post(base, 201, ADMIN, r -> secrets.create(ctx.caller(r), r.param("apiClientID"), ctx.body(r, ApiClientSecret.class)));
        t.get(base + "/{apiClientSecretID}", ADMIN, r -> secrets.get(ctx.caller(r), r.param("apiClientID"), r.param("apiClientSecretID")));
        t.patch(base + "/{apiClientSecretID}", ADMIN, r -> secrets.patch(ctx.caller(r), r.param("apiClientID"), r.param("apiClientSecretID"),
                existing -> ctx.patch(r, existing, ApiClientSecret.class)));
        t.delete(base + "/{apiClientSecretID}", ADMIN, r -> {
            secrets.delete(ctx.caller(r), r.param("apiClientID"), r.param("apiClientSecretID"));
            return null;
        });
    }

    private static ApiClient valid(ApiClient c) {
        ApiRoles.requireKnown("MinimumRequiredRoles", c.minimumRequiredRoles());
        ApiRoles.requireKnown("MaximumGrantedRoles", c.maximumGrantedRoles());
        if (c.appName() == null || c.appName().isBlank()) {
            throw OrderCloudException.validation("AppName is required");
        }
        return c.toBuilder().assignedBuyerCount(null).assignedSupplierCount(null).orderCheckoutIntegrationEventName(null)
                .orderReturnIntegrationEventName(null).addToCartIntegrationEventName(null).build();
    }

    /** The client as the caller may see it: computed fields filled, the secret only for ApiClientAdmin. */
    private static ApiClient view(ApiContext ctx, ApiRequest r, ApiClient c) {
        List<ApiClientAssignment> assignments = ctx.engine().context().store().table(Tables.API_CLIENT_ASSIGNMENTS)
                .listWithPrefix(c.id() + "/");
        var events = ctx.engine().context().store().table(Tables.INTEGRATION_EVENTS);
        return c.toBuilder()
                .clientSecret(r.caller().hasRole("ApiClientAdmin") ? c.clientSecret() : null)
                .assignedBuyerCount((int) assignments.stream().filter(a -> a.buyerID() != null).count())
                .assignedSupplierCount((int) assignments.stream().filter(a -> a.supplierID() != null).count())
                .orderCheckoutIntegrationEventName(name(events, c.orderCheckoutIntegrationEventID()))
                .orderReturnIntegrationEventName(name(events, c.orderReturnIntegrationEventID()))
                .addToCartIntegrationEventName(name(events, c.addToCartIntegrationEventID()))
                .build();
    }

    private static String name(io.orderhooks.engine.internal.store.Repository<IntegrationEvent> events, String id) {
        return id == null ? null : events.find(id).map(IntegrationEvent::name).orElse(null);
    }
}
