package io.orderhooks.engine.internal.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.ApiClient;
import io.orderhooks.core.model.IntegrationEvent;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.store.jdbc.JdbcStore;
import io.orderhooks.engine.internal.store.jdbc.JdbcStores;
import io.orderhooks.engine.internal.store.jdbc.TestPostgres;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The checkout endpoint (an API client and its integration event, read together: one table-versions statement while
 * both are unchanged) on two engines sharing one PostgreSQL database: an API client pointed at another event, an
 * event given another URL, or an event unassigned on one instance is what the other calls next, although it had read
 * the endpoint before.
 */
class CheckoutEndpointAcrossInstancesTest {

    @Test
    void anEndpointChangedOnOneInstanceIsTheOneTheOtherCallsNext() {
        String url = TestPostgres.freshDatabase();
        try (JdbcStore storeA = JdbcStores.postgresql(url, "postgres", "postgres", 4);
             JdbcStore storeB = JdbcStores.postgresql(url, "postgres", "postgres", 4)) {
            Engine a = Engine.builder().store(storeA).build();
            Engine b = Engine.builder().store(storeB).build();
            Caller seller = Caller.seller("admin", "seller", null, "FullAccess");
            a.integrations().saveEvent(seller, event("first", "https://mw.example/first"));
            a.integrations().saveEvent(seller, event("second", "https://mw.example/second"));
            a.integrations().saveClient(seller, client("first"));

            assertThat(url(b)).contains("https://mw.example/first");
            assertThat(url(b)).contains("https://mw.example/first");

            a.integrations().saveClient(seller, client("second"));
            assertThat(url(b)).contains("https://mw.example/second");

            a.integrations().saveEvent(seller, event("second", "https://mw.example/moved"));
            assertThat(url(b)).contains("https://mw.example/moved");

            a.integrations().saveClient(seller, ApiClient.builder().id("shop").appName("Shop").build());
            assertThat(url(b)).isEmpty();
        }
    }

    private static Optional<String> url(Engine engine) {
        return engine.integrations().checkoutEndpoint("shop").map(e -> e.url());
    }

    private static IntegrationEvent event(String id, String url) {
        return new IntegrationEvent(null, id, null, "OrderCheckout", url, null, null, "Checkout " + id, "hashkey");
    }

    private static ApiClient client(String eventID) {
        return ApiClient.builder().id("shop").appName("Shop").orderCheckoutIntegrationEventID(eventID).build();
    }
}
