package io.orderhooks.examples.observe;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;

import io.javalin.Javalin;
import io.orderhooks.core.model.IntegrationEvent;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.api.EngineApi;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.spi.CheckoutIntegration;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.IntegrationEventsPlugin;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.slf4j.MDC;

/**
 * A middleware (an integration-events dispatcher on Javalin whose calculate and submit handlers record the SLF4J MDC
 * they run under) and the engine API with shopper {@code ann} (client {@code shop}) whose checkout integration event
 * {@code checkout} calls it, product {@code mug} at 10.00, and cart {@code o1} of 2 mugs.
 */
final class ObservedMarketplace implements AutoCloseable {

    static final String KEY = "observed-hash-key";

    /** What the handlers saw in their MDC, one map per call. */
    final LinkedBlockingQueue<Map<String, String>> seen = new LinkedBlockingQueue<>();
    final IntegrationEventsDispatcher dispatcher = IntegrationEventsDispatcher.builder().hashKeys(KEY)
            .orderCalculate(event -> {
                seen.add(MDC.getCopyOfContextMap());
                return new OrderCalculateResponse(null, null, new BigDecimal("1.00"), null, null, null, null, null);
            })
            .orderSubmit(event -> {
                seen.add(MDC.getCopyOfContextMap());
                return null;
            }).build();
    final Javalin middleware;
    final ApiTestServer api;
    final String shopper;
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * @param checkout the engine's checkout sender, given the middleware's integration URL and dispatcher
     * @param engineSetup and {@code apiSetup}: additions to the engine's and the API's builders
     */
    ObservedMarketplace(BiFunction<String, IntegrationEventsDispatcher, CheckoutIntegration> checkout, UnaryOperator<Engine.Builder> engineSetup,
            UnaryOperator<EngineApi.Builder> apiSetup) {
        middleware = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.registerPlugin(IntegrationEventsPlugin.at("/integration", dispatcher));
        }).start("127.0.0.1", 0);
        String url = "http://127.0.0.1:" + middleware.port() + "/integration";
        CheckoutIntegration sender = checkout.apply(url, dispatcher);
        api = ApiTestServer.start(e -> engineSetup.apply(e.checkoutIntegration(sender)), apiSetup);
        shopper = seed(url);
    }

    private String seed(String url) {
        api.seedBuyer("b1", "u1", "ann", "pw-ann-1", "shop", "Shopper");
        String admin = api.adminToken();
        ok(api.post("/v1/catalogs", admin, json(Map.of("ID", "cat", "Name", "Main"))));
        ok(api.post("/v1/catalogs/assignments", admin, json(Map.of("CatalogID", "cat", "BuyerID", "b1",
                "ViewAllProducts", true, "ViewAllCategories", true))));
        ok(api.post("/v1/priceschedules", admin, json(Map.of("ID", "ps", "Name", "Mug prices",
                "PriceBreaks", List.of(Map.of("Quantity", 1, "Price", 10.00))))));
        ok(api.post("/v1/products", admin, json(Map.of("ID", "mug", "Name", "Mug", "Active", true,
                "DefaultPriceScheduleID", "ps"))));
        ok(api.post("/v1/catalogs/productassignments", admin, json(Map.of("CatalogID", "cat", "ProductID", "mug"))));
        Caller seller = Caller.seller("admin", api.engine().context().config().sellerOrgID(), null, "FullAccess");
        api.engine().integrations().createEvent(seller, new IntegrationEvent(List.of(), "checkout", null,
                "OrderCheckout", url, null, null, "Checkout", KEY));
        ok(api.patch("/v1/apiclients/shop", admin, json(Map.of("OrderCheckoutIntegrationEventID", "checkout"))));
        String token = api.login("shop", "ann", "pw-ann-1", "Shopper");
        ok(api.post("/v1/orders/Outgoing", token, json(Map.of("ID", "o1"))));
        ok(api.post("/v1/orders/Outgoing/o1/lineitems", token, json(Map.of("ProductID", "mug", "Quantity", 2))));
        return token;
    }

    /** {@code POST v1/orders/Outgoing/o1/{action}} as the shopper, with {@code headers}. */
    HttpResponse<String> order(String action, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/orders/Outgoing/o1/" + action))
                .header("Authorization", "Bearer " + shopper).POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET path} on the engine's server. */
    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        api.close();
        middleware.stop();
        dispatcher.close();
    }
}
