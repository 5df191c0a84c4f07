package io.orderhooks.examples.observe;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.orderhooks.core.model.IntegrationEvent;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.trace.TraceParent;
import io.orderhooks.core.trace.Traces;
import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.engine.delivery.Transports;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.senders.checkout.CheckoutSenderSettings;
import io.orderhooks.engine.senders.checkout.HttpCheckoutIntegration;
import io.orderhooks.engine.senders.checkout.InProcessCheckoutIntegration;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * One trace from the engine's API request, through its checkout delivery (over HTTP and in-process), into the
 * middleware handler's SLF4J MDC: the same trace ID on both sides, whether the API caller sent a
 * {@code traceparent} or the engine started the trace.
 */
class TracePropagationAcceptanceTest {

    private static final String KEY = "trace-hash-key";
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    /** What the handler saw in its MDC, one map per call. */
    private final LinkedBlockingQueue<Map<String, String>> seen = new LinkedBlockingQueue<>();
    private final IntegrationEventsDispatcher dispatcher = IntegrationEventsDispatcher.builder().hashKeys(KEY)
            .orderCalculate(event -> {
                seen.add(MDC.getCopyOfContextMap());
                return new OrderCalculateResponse(null, null, new BigDecimal("1.00"), null, null, null, null, null);
            }).build();
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin middleware;
    private ApiTestServer api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
        if (middleware != null) {
            middleware.stop();
        }
        dispatcher.close();
    }

    private String startMiddleware() {
        middleware = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.registerPlugin(IntegrationEventsPlugin.at("/integration", dispatcher));
        }).start("127.0.0.1", 0);
        return "http://127.0.0.1:" + middleware.port() + "/integration";
    }

    /** The engine API with a shopper whose orders call {@code url}'s checkout events; returns the shopper's token. */
    private String startEngine(CheckoutIntegration checkout, String url) {
        api = ApiTestServer.start(e -> e.checkoutIntegration(checkout), a -> a);
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
        String shopper = api.login("shop", "ann", "pw-ann-1", "Shopper");
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "o1"))));
        ok(api.post("/v1/orders/Outgoing/o1/lineitems", shopper, json(Map.of("ProductID", "mug", "Quantity", 2))));
        return shopper;
    }

    private HttpResponse<String> calculate(String token, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/orders/Outgoing/o1/calculate"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpCheckoutIntegration overHttp() {
        return new HttpCheckoutIntegration(CheckoutSenderSettings.builder(new InMemoryDeliveryLog()).build(),
                Transports.defaultHttpClient());
    }

    @Test
    void theCallersTraceReachesTheMiddlewareHandlersMdcOverHttp() throws Exception {
        String shopper = startEngine(overHttp(), startMiddleware());

        HttpResponse<String> answer = calculate(shopper, Map.of(TraceParent.HEADER, "00-" + TRACE + "-" + CALLER_SPAN + "-01",
                Traces.CORRELATION_HEADER, "checkout-42"));

        assertThat(answer.statusCode()).isEqualTo(200);
        TraceParent engineSpan = TraceParent.parse(answer.headers().firstValue("traceresponse").orElseThrow()).orElseThrow();
        assertThat(engineSpan.traceId()).isEqualTo(TRACE);
        assertThat(engineSpan.spanId()).isNotEqualTo(CALLER_SPAN);
        Map<String, String> handler = seen.poll();
        assertThat(handler).containsEntry(Traces.TRACE_ID, TRACE).containsEntry(Traces.CORRELATION_ID, "checkout-42")
                .containsEntry(Traces.ORDER_ID, "o1");
        assertThat(handler.get(Traces.SPAN_ID)).isNotIn(CALLER_SPAN, engineSpan.spanId());
    }

    @Test
    void aTraceTheEngineStartedIsTheOneTheMiddlewareLogsUnder() throws Exception {
        String shopper = startEngine(overHttp(), startMiddleware());

        HttpResponse<String> answer = calculate(shopper, Map.of());

        assertThat(answer.statusCode()).isEqualTo(200);
        String trace = TraceParent.parse(answer.headers().firstValue("traceresponse").orElseThrow()).orElseThrow().traceId();
        assertThat(seen.poll()).containsEntry(Traces.TRACE_ID, trace).containsEntry(Traces.CORRELATION_ID, trace)
                .containsEntry(Traces.ORDER_ID, "o1");
    }

    @Test
    void theInProcessSenderCarriesTheTraceToo() throws Exception {
        CheckoutIntegration inProcess = new InProcessCheckoutIntegration(
                CheckoutSenderSettings.builder(new InMemoryDeliveryLog()).build(), dispatcher);
        String shopper = startEngine(inProcess, "https://merchant.example/integration");

        HttpResponse<String> answer = calculate(shopper, Map.of(TraceParent.HEADER, "00-" + TRACE + "-" + CALLER_SPAN + "-01"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(seen.poll()).containsEntry(Traces.TRACE_ID, TRACE).containsEntry(Traces.ORDER_ID, "o1");
        ((AutoCloseable) inProcess).close();
    }
}
