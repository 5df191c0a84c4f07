package io.orderhooks.engine.internal.api.orders;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.store.jdbc.JdbcStore;
import io.orderhooks.engine.internal.store.jdbc.JdbcStores;
import io.orderhooks.engine.internal.store.jdbc.TestPostgres;
import io.orderhooks.engine.spi.CheckoutIntegration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The requests whose proof of their assumed table versions rides on a read they make anyway (PostgreSQL, session 13):
 * an order create (the user's read carries it, before the insert), an estimate and a calculate (the order's read carries
 * it, before the call to the checkout integration). Engine B, on the same database, deactivates the shopper after A
 * answered the shopper's token under the versions A last knew: A's next create, estimate and calculate must each find
 * the change in that read and run again on fresh reads, so each is refused (401) with nothing done: no order created,
 * no checkout call made. H2 (two engines of one process on one data folder) reaches the same answers without re-runs.
 */
class ProofRidesOnReadsAcrossEnginesTest {

    private static final String ORDER = "/v1/orders/Outgoing/o1";

    private final List<AutoCloseable> open = new ArrayList<>();
    private final AtomicInteger checkoutCalls = new AtomicInteger();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void onPostgresACreateEstimateOrCalculateOnChangedVersionsRunsAgainAndActsOnNothing() throws Exception {
        String url = TestPostgres.freshDatabase();
        check(() -> JdbcStores.postgresql(url, "postgres", "postgres", 4), true);
    }

    @Test
    void onH2TheSameRequestsGiveTheSameAnswers(@TempDir Path dir) throws Exception {
        check(() -> JdbcStores.h2(dir, 4), false);
    }

    private void check(java.util.function.Supplier<JdbcStore> stores, boolean reruns) throws Exception {
        JdbcStore storeA = stores.get();
        JdbcStore storeB = stores.get();
        ApiTestServer a = server(storeA);
        ApiTestServer b = server(storeB);
        CommerceFixture.seed(b);
        String admin = b.adminToken();
        String shopper = CommerceFixture.shopper(a);

        ok(a.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "o1"))));
        ok(a.post(ORDER + "/lineitems", shopper, json(Map.of("ProductID", "widget", "Quantity", 1))));
        ok(a.post(ORDER + "/estimateshipping", shopper, null));
        ok(a.post(ORDER + "/calculate", shopper, null));
        assertThat(checkoutCalls.get()).isEqualTo(2);
        long before = storeA.requestReruns();

        // each round: a fresh token on A, B deactivates the shopper, A's request is refused with nothing done, B reactivates
        for (String refused : List.of("/v1/orders/Outgoing", ORDER + "/estimateshipping", ORDER + "/calculate")) {
            String token = CommerceFixture.shopper(a);
            ok(a.get(ORDER, token));
            ok(b.patch("/v1/buyers/b1/users/u1", admin, json(Map.of("Active", false))));
            String body = refused.endsWith("Outgoing") ? json(Map.of("ID", "o2")) : null;
            assertThat(a.post(refused, token, body).status()).as(refused).isEqualTo(401);
            ok(b.patch("/v1/buyers/b1/users/u1", admin, json(Map.of("Active", true))));
        }
        assertThat(b.get("/v1/orders/Incoming/o2", admin).status()).isEqualTo(404);
        assertThat(checkoutCalls.get()).as("no checkout call on a token the current versions refuse").isEqualTo(2);
        if (reruns) {
            // a request that found its versions changed in its first read ran again (where the token check refuses)
            assertThat(storeA.requestReruns() - before).isPositive();
        } else {
            assertThat(storeA.requestReruns()).isZero();
        }
    }

    private ApiTestServer server(JdbcStore store) {
        CheckoutIntegration counting = call -> {
            checkoutCalls.incrementAndGet();
            return CommerceFixture.CHECKOUT.deliver(call);
        };
        ApiTestServer server = ApiTestServer.start(e -> e.store(store).checkoutIntegration(counting), api -> api);
        open.add(store);
        open.add(server);
        return server;
    }
}
