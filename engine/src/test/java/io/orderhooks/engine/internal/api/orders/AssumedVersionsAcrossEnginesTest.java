package io.orderhooks.engine.internal.api.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.engine.delivery.Transports;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.store.jdbc.JdbcStore;
import io.orderhooks.engine.internal.store.jdbc.JdbcStores;
import io.orderhooks.engine.internal.store.jdbc.TestPostgres;
import io.orderhooks.engine.senders.webhooks.HttpWebhookSink;
import io.orderhooks.engine.senders.webhooks.WebhookSinkSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shopper's requests on engine A while engine B, on the same database, changes what A answered them from: a
 * pre-webhook added or deleted, a product's price, the product's visibility, the user deactivated. On PostgreSQL A runs
 * each request on the table versions it last knew and proves them before the request's first externally visible act
 * (the line add's guarded statement carries the check; a pre-webhook call, a refusal or an answer reads them first): so
 * the pre-webhook (a WireMock server) is called exactly when the current webhooks say so, a refusal is the current
 * one, and a request that found its versions changed ran again whole, with nothing of its first run left (the lines).
 * H2 (two engines of one process on one data folder) reads its versions in the process and takes the same path to the
 * same answers without re-runs.
 */
class AssumedVersionsAcrossEnginesTest {

    private static final String LINES = "/v1/orders/Outgoing/o1/lineitems";

    private final WireMockServer hooks = new WireMockServer(options().dynamicPort());
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        hooks.stop();
    }

    @Test
    void onPostgresTheNextRequestOfAUserSeesWhatTheOtherInstanceCommittedBeforeItActsOrAnswers() throws Exception {
        String url = TestPostgres.freshDatabase();
        check(() -> JdbcStores.postgresql(url, "postgres", "postgres", 4), true);
    }

    @Test
    void onH2TheNextRequestOfAUserSeesWhatTheOtherInstanceCommittedBeforeItActsOrAnswers(@TempDir Path dir) throws Exception {
        check(() -> JdbcStores.h2(dir, 4), false);
    }

    private void check(java.util.function.Supplier<JdbcStore> stores, boolean reruns) throws Exception {
        hooks.start();
        hooks.stubFor(post("/hooks/lines").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"proceed\":true}")));
        JdbcStore storeA = stores.get();
        JdbcStore storeB = stores.get();
        ApiTestServer a = server(storeA);
        ApiTestServer b = server(storeB);
        CommerceFixture.seed(b);
        String admin = b.adminToken();
        String shopper = CommerceFixture.shopper(a);

        ok(a.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "o1"))));
        ok(a.post(LINES, shopper, line("widget")));
        ok(a.post(LINES, shopper, line("widget")));
        long before = storeA.requestReruns();

        // B adds a pre-webhook on line adds: A's next line add calls it, once
        ok(b.post("/v1/webhooks", admin, preHook()));
        ok(a.post(LINES, shopper, line("widget")));
        assertThat(calls()).isEqualTo(1);
        ok(a.post(LINES, shopper, line("widget")));
        assertThat(calls()).isEqualTo(2);

        // B deletes it: A's next line add calls nothing
        assertThat(b.delete("/v1/webhooks/line-check", admin).status()).isEqualTo(204);
        ok(a.post(LINES, shopper, line("widget")));
        assertThat(calls()).isEqualTo(2);

        // B changes the widget's price: A's next line add (one guarded statement on PostgreSQL) is priced anew, once
        ok(b.put("/v1/priceschedules/ps-widget", admin, json(Map.of("ID", "ps-widget", "Name", "Widget prices",
                "PriceBreaks", List.of(Map.of("Quantity", 1, "Price", 12.00))))));
        ApiTestServer.Response repriced = ok(a.post(LINES, shopper, line("widget")));
        assertThat(repriced.body().path("UnitPrice").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(lines(b)).isEqualTo(6);

        // B hides the gadget from the buyer: A refuses the line add (a refusal is an answer: proven first)
        assertThat(b.delete("/v1/catalogs/cat1/productassignments/gadget", admin).status()).isEqualTo(204);
        int refused = a.post(LINES, shopper, line("gadget")).status();
        assertThat(refused).isBetween(400, 404).isNotEqualTo(401);
        assertThat(lines(b)).isEqualTo(6);

        // with the pre-webhook back (A calls it, so A now answers from a list that holds it)
        ok(b.post("/v1/webhooks", admin, preHook()));
        ok(a.post(LINES, shopper, line("widget")));
        assertThat(calls()).isEqualTo(3);
        assertThat(lines(b)).isEqualTo(7);

        // B deactivates the shopper: A answers 401 to the token it accepted a moment ago, without calling the hook (the
        // call out is preceded by a proof of the token check's versions)
        ok(b.patch("/v1/buyers/b1/users/u1", admin, json(Map.of("Active", false))));
        ApiTestServer.Response revoked = a.post(LINES, shopper, line("widget"));
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(calls()).isEqualTo(3);
        assertThat(lines(b)).isEqualTo(7);
        // on PostgreSQL some of these requests ran on versions that had changed and ran again; on H2 none
        if (reruns) {
            assertThat(storeA.requestReruns() - before).isPositive();
        } else {
            assertThat(storeA.requestReruns()).isZero();
        }
    }

    private ApiTestServer server(JdbcStore store) {
        HttpWebhookSink sink = new HttpWebhookSink(WebhookSinkSettings.builder(new InMemoryDeliveryLog()).workers(0)
                .preTimeLimit(Duration.ofSeconds(10)).build(), Transports.defaultHttpClient());
        ApiTestServer server = ApiTestServer.start(e -> e.store(store).checkoutIntegration(CommerceFixture.CHECKOUT),
                api -> api.webhookSink(sink));
        open.add(store);
        open.add(sink);
        open.add(server);
        return server;
    }

    private int calls() {
        return hooks.findAll(postRequestedFor(urlEqualTo("/hooks/lines"))).size();
    }

    private static int lines(ApiTestServer server) {
        String admin = server.adminToken();
        return ok(server.get("/v1/orders/Incoming/o1/lineitems", admin)).body().path("Items").size();
    }

    private static String line(String product) {
        return json(Map.of("ProductID", product, "Quantity", 1));
    }

    private String preHook() {
        return json(Map.of("ID", "line-check", "Name", "Line check", "Url", hooks.baseUrl() + "/hooks/lines",
                "HashKey", "k", "BeforeProcessRequest", true, "ApiClientIDs", List.of(CommerceFixture.CLIENT),
                "WebhookRoutes", List.of(Map.of("Route", "v1/orders/{direction}/{orderID}/lineitems", "Verb", "POST"))));
    }
}
