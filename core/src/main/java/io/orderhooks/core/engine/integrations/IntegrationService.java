package io.orderhooks.core.engine.integrations;

import io.orderhooks.core.engine.Caller;
import io.orderhooks.core.engine.EngineContext;
import io.orderhooks.core.engine.Errors;
import io.orderhooks.core.engine.store.Tables;
import io.orderhooks.core.model.ApiClient;
import io.orderhooks.core.model.IntegrationEvent;
import io.orderhooks.core.spi.IntegrationEndpoint;
import java.util.List;
import java.util.Optional;

/**
 * Integration events and API clients (seller administration), and which checkout endpoint applies to a
 * caller: the {@code OrderCheckoutIntegrationEventID} of the caller's API client. Thread-safe.
 */
public final class IntegrationService {

    private final EngineContext ctx;

    public IntegrationService(EngineContext ctx) {
        this.ctx = ctx;
    }

    public IntegrationEvent saveEvent(Caller caller, IntegrationEvent e) {
        Errors.requireSeller(caller);
        if (e.name() == null || e.customImplementationUrl() == null || e.hashKey() == null) {
            throw Errors.required(e.name() == null ? "Name" : e.customImplementationUrl() == null ? "CustomImplementationUrl" : "HashKey");
        }
        String id = e.id() == null || e.id().isBlank() ? ctx.ids().next() : e.id();
        IntegrationEvent stored = new IntegrationEvent(e.elevatedRoles(), id, e.configData(), e.eventType() == null ? "OrderCheckout" : e.eventType(),
                e.customImplementationUrl(), e.customAuthHeaderName(), e.customAuthHeaderValue(), e.name(), e.hashKey());
        ctx.store().table(Tables.INTEGRATION_EVENTS).put(id, stored);
        return stored;
    }

    public List<IntegrationEvent> listEvents(Caller caller) {
        Errors.requireSeller(caller);
        return ctx.store().table(Tables.INTEGRATION_EVENTS).list();
    }

    public ApiClient saveClient(Caller caller, ApiClient c) {
        Errors.requireSeller(caller);
        if (c.orderCheckoutIntegrationEventID() != null
                && ctx.store().table(Tables.INTEGRATION_EVENTS).find(c.orderCheckoutIntegrationEventID()).isEmpty()) {
            throw Errors.notFound("IntegrationEvent", c.orderCheckoutIntegrationEventID());
        }
        ApiClient stored = c.toBuilder().id(c.id() == null || c.id().isBlank() ? ctx.ids().next() : c.id()).build();
        ctx.store().table(Tables.API_CLIENTS).put(stored.id(), stored);
        return stored;
    }

    public ApiClient getClient(Caller caller, String clientID) {
        Errors.requireSeller(caller);
        return ctx.store().table(Tables.API_CLIENTS).find(clientID).orElseThrow(() -> Errors.notFound("ApiClient", clientID));
    }

    /** The checkout endpoint of the caller's API client, if it has an OrderCheckout integration event. */
    public Optional<IntegrationEndpoint> checkoutEndpoint(String clientID) {
        if (clientID == null) {
            return Optional.empty();
        }
        return ctx.store().table(Tables.API_CLIENTS).find(clientID).map(ApiClient::orderCheckoutIntegrationEventID)
                .flatMap(id -> ctx.store().table(Tables.INTEGRATION_EVENTS).find(id))
                .map(e -> new IntegrationEndpoint(e.id(), e.customImplementationUrl(), e.hashKey(),
                        e.customAuthHeaderName(), e.customAuthHeaderValue(), e.configData()));
    }
}
