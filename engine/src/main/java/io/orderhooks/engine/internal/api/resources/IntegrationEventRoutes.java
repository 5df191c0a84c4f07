package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.integrations.IntegrationService;
import io.orderhooks.engine.internal.security.ApiRoles;
import io.orderhooks.core.model.IntegrationEvent;
import java.util.Set;

/**
 * {@code v1/integrationEvents} (IntegrationEventAdmin / IntegrationEventReader). POST of a taken ID is 409
 * {@code IdExists}; {@code CustomAuthHeaderValue} is write-only.
 */
public final class IntegrationEventRoutes {

    static final Set<String> READ = roles("IntegrationEventReader", "IntegrationEventAdmin");
    static final Set<String> ADMIN = roles("IntegrationEventAdmin");

    private IntegrationEventRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        IntegrationService s = ctx.engine().integrations();
        t.get("v1/integrationEvents", READ, r -> ctx.list(r, s.listEvents(ctx.caller(r)), IntegrationEvent.class));
        t.post("v1/integrationEvents", 201, ADMIN, r -> s.createEvent(ctx.caller(r), valid(ctx.body(r, IntegrationEvent.class))));
        t.get("v1/integrationEvents/{integrationEventID}", READ, r -> s.getEvent(ctx.caller(r), r.param("integrationEventID")));
        t.put("v1/integrationEvents/{integrationEventID}", ADMIN, r -> {
            IntegrationEvent e = valid(ctx.body(r, IntegrationEvent.class));
            Ids.requireSame(e.id(), r.param("integrationEventID"));
            return s.saveEvent(ctx.caller(r), e.toBuilder().id(r.param("integrationEventID")).build());
        });
        t.patch("v1/integrationEvents/{integrationEventID}", ADMIN, r -> {
            Caller c = ctx.caller(r);
            IntegrationEvent merged = valid(ctx.patch(r, s.getEvent(c, r.param("integrationEventID")), IntegrationEvent.class));
            Ids.requireSame(merged.id(), r.param("integrationEventID"));
            return s.saveEvent(c, merged);
        });
        t.delete("v1/integrationEvents/{integrationEventID}", ADMIN, r -> {
            s.deleteEvent(ctx.caller(r), r.param("integrationEventID"));
            return null;
        });
    }

    private static IntegrationEvent valid(IntegrationEvent e) {
        ApiRoles.requireKnown("ElevatedRoles", e.elevatedRoles());
        if (e.eventType() != null && !Set.of("OrderCheckout", "OpenIDConnect", "OrderReturn", "AddToCart").contains(e.eventType())) {
            throw io.orderhooks.core.error.OrderCloudException.validation(
                    "EventType must be OrderCheckout, OpenIDConnect, OrderReturn or AddToCart, was " + e.eventType());
        }
        return e;
    }
}
