package io.orderhooks.engine.internal.integrations;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.ApiClient;
import io.orderhooks.core.model.ApiClientAssignment;
import io.orderhooks.core.model.IntegrationEvent;
import io.orderhooks.engine.spi.IntegrationEndpoint;
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
        return saveEvent(caller, e, false);
    }

    private IntegrationEvent saveEvent(Caller caller, IntegrationEvent e, boolean create) {
        Errors.requireSeller(caller);
        if (e.name() == null || e.customImplementationUrl() == null || e.hashKey() == null) {
            throw Errors.required(e.name() == null ? "Name" : e.customImplementationUrl() == null ? "CustomImplementationUrl" : "HashKey");
        }
        String id = e.id() == null || e.id().isBlank() ? ctx.ids().next() : e.id();
        IntegrationEvent stored = new IntegrationEvent(e.elevatedRoles(), id, e.configData(), e.eventType() == null ? "OrderCheckout" : e.eventType(),
                e.customImplementationUrl(), e.customAuthHeaderName(), e.customAuthHeaderValue(), e.name(), e.hashKey());
        ctx.store().table(Tables.INTEGRATION_EVENTS).save(id, stored, create, "IntegrationEvent", id);
        return stored;
    }

    /** Creates an event; 409 {@code IdExists} when the ID is taken. */
    public IntegrationEvent createEvent(Caller caller, IntegrationEvent e) {
        Errors.requireSeller(caller);
        return saveEvent(caller, e, true);
    }

    public IntegrationEvent getEvent(Caller caller, String id) {
        Errors.requireSeller(caller);
        return ctx.store().table(Tables.INTEGRATION_EVENTS).find(id).orElseThrow(() -> Errors.notFound("IntegrationEvent", id));
    }

    public void deleteEvent(Caller caller, String id) {
        Errors.requireSeller(caller);
        if (!ctx.store().table(Tables.INTEGRATION_EVENTS).delete(id)) {
            throw Errors.notFound("IntegrationEvent", id);
        }
    }

    public List<IntegrationEvent> listEvents(Caller caller) {
        Errors.requireSeller(caller);
        return ctx.store().table(Tables.INTEGRATION_EVENTS).list();
    }

    public ApiClient saveClient(Caller caller, ApiClient c) {
        return saveClient(caller, c, false);
    }

    private ApiClient saveClient(Caller caller, ApiClient c, boolean create) {
        Errors.requireSeller(caller);
        if (c.orderCheckoutIntegrationEventID() != null
                && ctx.store().table(Tables.INTEGRATION_EVENTS).find(c.orderCheckoutIntegrationEventID()).isEmpty()) {
            throw Errors.notFound("IntegrationEvent", c.orderCheckoutIntegrationEventID());
        }
        if (c.orderReturnIntegrationEventID() != null
                && ctx.store().table(Tables.INTEGRATION_EVENTS).find(c.orderReturnIntegrationEventID()).isEmpty()) {
            throw Errors.notFound("IntegrationEvent", c.orderReturnIntegrationEventID());
        }
        ApiClient stored = c.toBuilder().id(c.id() == null || c.id().isBlank() ? ctx.ids().next() : c.id()).build();
        ctx.store().table(Tables.API_CLIENTS).save(stored.id(), stored, create, "ApiClient", stored.id());
        return stored;
    }

    public ApiClient getClient(Caller caller, String clientID) {
        Errors.requireSeller(caller);
        return ctx.store().table(Tables.API_CLIENTS).find(clientID).orElseThrow(() -> Errors.notFound("ApiClient", clientID));
    }

    /** Creates a client; 409 {@code IdExists} when the ID is taken. */
    public ApiClient createClient(Caller caller, ApiClient c) {
        Errors.requireSeller(caller);
        return saveClient(caller, c, true);
    }

    public List<ApiClient> listClients(Caller caller) {
        Errors.requireSeller(caller);
        return ctx.store().table(Tables.API_CLIENTS).list();
    }

    /** Deletes a client and its assignments. */
    public void deleteClient(Caller caller, String clientID) {
        Errors.requireSeller(caller);
        if (!ctx.store().table(Tables.API_CLIENTS).delete(clientID)) {
            throw Errors.notFound("ApiClient", clientID);
        }
        var assignments = ctx.store().table(Tables.API_CLIENT_ASSIGNMENTS);
        assignments.listWithPrefix(clientID + "/").forEach(a -> assignments.delete(assignmentKey(a)));
    }

    /** Lets the users of one buyer or supplier sign in through a client (exactly one of the two IDs). */
    public ApiClientAssignment assign(Caller caller, ApiClientAssignment a) {
        getClient(caller, a.apiClientID() == null ? "" : a.apiClientID());
        if ((a.buyerID() == null) == (a.supplierID() == null)) {
            throw a.buyerID() == null ? Errors.required("BuyerID or SupplierID")
                    : Errors.bad("PartyAssignment.CannotSpecifyBuyerAndSupplier", "Cannot specify both a BuyerID and a SupplierID.");
        }
        if (a.buyerID() != null && ctx.store().table(Tables.BUYERS).find(a.buyerID()).isEmpty()) {
            throw Errors.notFound("Buyer", a.buyerID());
        }
        if (a.supplierID() != null && ctx.store().table(Tables.SUPPLIERS).find(a.supplierID()).isEmpty()) {
            throw Errors.notFound("Supplier", a.supplierID());
        }
        ctx.store().table(Tables.API_CLIENT_ASSIGNMENTS).put(assignmentKey(a), a);
        return a;
    }

    /** Removes an assignment; 404 when there is none. */
    public void unassign(Caller caller, ApiClientAssignment a) {
        Errors.requireSeller(caller);
        if (!ctx.store().table(Tables.API_CLIENT_ASSIGNMENTS).delete(assignmentKey(a))) {
            throw Errors.notFound("ApiClientAssignment", a.apiClientID());
        }
    }

    public List<ApiClientAssignment> listAssignments(Caller caller) {
        Errors.requireSeller(caller);
        return ctx.store().table(Tables.API_CLIENT_ASSIGNMENTS).list();
    }

    /** Whether users of the buyer or supplier {@code companyID} may sign in through {@code clientID}. */
    public boolean isAssigned(String clientID, String buyerID, String supplierID) {
        return ctx.store().table(Tables.API_CLIENT_ASSIGNMENTS)
                .find(assignmentKey(new ApiClientAssignment(clientID, buyerID, supplierID))).isPresent();
    }

    private static String assignmentKey(ApiClientAssignment a) {
        return io.orderhooks.engine.internal.store.Table.key(a.apiClientID(), Tables.part(a.buyerID()), Tables.part(a.supplierID()));
    }

    /** The checkout endpoint of the caller's API client, if it has an OrderCheckout integration event. */
    public Optional<IntegrationEndpoint> checkoutEndpoint(String clientID) {
        return endpoint(clientID, ApiClient::orderCheckoutIntegrationEventID);
    }

    /** The order-return endpoint of the caller's API client, if it has an OrderReturn integration event. */
    public Optional<IntegrationEndpoint> returnEndpoint(String clientID) {
        return endpoint(clientID, ApiClient::orderReturnIntegrationEventID);
    }

    private Optional<IntegrationEndpoint> endpoint(String clientID, java.util.function.Function<ApiClient, String> eventID) {
        if (clientID == null) {
            return Optional.empty();
        }
        // the client and its event read together: one table-versions statement while both tables are unchanged
        return ctx.store().readTogether(() -> ctx.store().table(Tables.API_CLIENTS).find(clientID).map(eventID)
                .flatMap(id -> ctx.store().table(Tables.INTEGRATION_EVENTS).find(id)))
                .map(e -> new IntegrationEndpoint(e.id(), e.customImplementationUrl(), e.hashKey(),
                        e.customAuthHeaderName(), e.customAuthHeaderValue(), e.configData()));
    }
}
