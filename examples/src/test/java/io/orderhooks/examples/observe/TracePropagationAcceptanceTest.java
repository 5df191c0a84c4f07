package io.orderhooks.examples.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.trace.TraceParent;
import io.orderhooks.core.trace.Traces;
import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.engine.delivery.Transports;
import io.orderhooks.engine.senders.checkout.CheckoutSenderSettings;
import io.orderhooks.engine.senders.checkout.HttpCheckoutIntegration;
import io.orderhooks.engine.senders.checkout.InProcessCheckoutIntegration;
import io.orderhooks.engine.spi.CheckoutIntegration;
import io.orderhooks.events.IntegrationEventsDispatcher;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One trace from the engine's API request, through its checkout delivery (over HTTP and in-process), into the
 * middleware handler's SLF4J MDC: the same trace ID on both sides, whether the API caller sent a
 * {@code traceparent} or the engine started the trace.
 */
class TracePropagationAcceptanceTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    private ObservedMarketplace market;

    @AfterEach
    void stop() {
        if (market != null) {
            market.close();
        }
    }

    private HttpResponse<String> calculate(Map<String, String> headers) throws Exception {
        return market.order("calculate", headers);
    }

    private static CheckoutIntegration overHttp(String url, IntegrationEventsDispatcher dispatcher) {
        return new HttpCheckoutIntegration(CheckoutSenderSettings.builder(new InMemoryDeliveryLog()).build(),
                Transports.defaultHttpClient());
    }

    @Test
    void theCallersTraceReachesTheMiddlewareHandlersMdcOverHttp() throws Exception {
        market = new ObservedMarketplace(TracePropagationAcceptanceTest::overHttp, e -> e, a -> a);

        HttpResponse<String> answer = calculate(Map.of(TraceParent.HEADER, "00-" + TRACE + "-" + CALLER_SPAN + "-01",
                Traces.CORRELATION_HEADER, "checkout-42"));

        assertThat(answer.statusCode()).isEqualTo(200);
        TraceParent engineSpan = TraceParent.parse(answer.headers().firstValue("traceresponse").orElseThrow()).orElseThrow();
        assertThat(engineSpan.traceId()).isEqualTo(TRACE);
        assertThat(engineSpan.spanId()).isNotEqualTo(CALLER_SPAN);
        Map<String, String> handler = market.seen.poll();
        assertThat(handler).containsEntry(Traces.TRACE_ID, TRACE).containsEntry(Traces.CORRELATION_ID, "checkout-42")
                .containsEntry(Traces.ORDER_ID, "o1");
        assertThat(handler.get(Traces.SPAN_ID)).isNotIn(CALLER_SPAN, engineSpan.spanId());
    }

    @Test
    void aTraceTheEngineStartedIsTheOneTheMiddlewareLogsUnder() throws Exception {
        market = new ObservedMarketplace(TracePropagationAcceptanceTest::overHttp, e -> e, a -> a);

        HttpResponse<String> answer = calculate(Map.of());

        assertThat(answer.statusCode()).isEqualTo(200);
        String trace = TraceParent.parse(answer.headers().firstValue("traceresponse").orElseThrow()).orElseThrow().traceId();
        assertThat(market.seen.poll()).containsEntry(Traces.TRACE_ID, trace).containsEntry(Traces.CORRELATION_ID, trace)
                .containsEntry(Traces.ORDER_ID, "o1");
    }

    @Test
    void theInProcessSenderCarriesTheTraceToo() throws Exception {
        List<InProcessCheckoutIntegration> inProcess = new ArrayList<>();
        market = new ObservedMarketplace((url, dispatcher) -> {
            inProcess.add(new InProcessCheckoutIntegration(CheckoutSenderSettings.builder(new InMemoryDeliveryLog()).build(),
                    dispatcher));
            return inProcess.get(0);
        }, e -> e, a -> a);
        HttpResponse<String> answer = calculate(Map.of(TraceParent.HEADER, "00-" + TRACE + "-" + CALLER_SPAN + "-01"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(market.seen.poll()).containsEntry(Traces.TRACE_ID, TRACE).containsEntry(Traces.ORDER_ID, "o1");
        inProcess.get(0).close();
    }
}
