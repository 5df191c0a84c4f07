package io.orderhooks.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TracesTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String HEADER = "00-" + TRACE + "-00f067aa0ba902b7-01";

    @AfterEach
    void clean() {
        MDC.clear();
    }

    @Test
    void aRequestWithATraceparentJoinsItsTraceAsAChildSpanAndFillsTheMdc() {
        try (Traces.Scope scope = Traces.begin(HEADER, "corr-1")) {
            assertThat(scope.trace().traceId()).isEqualTo(TRACE);
            assertThat(scope.trace().spanId()).isNotEqualTo("00f067aa0ba902b7");
            assertThat(MDC.get(Traces.TRACE_ID)).isEqualTo(TRACE);
            assertThat(MDC.get(Traces.SPAN_ID)).isEqualTo(scope.trace().spanId());
            assertThat(MDC.get(Traces.CORRELATION_ID)).isEqualTo("corr-1");
            assertThat(Traces.current()).contains(scope.trace());
        }
        assertThat(MDC.get(Traces.TRACE_ID)).isNull();
        assertThat(Traces.current()).isEmpty();
    }

    @Test
    void aRequestWithoutATraceStartsOneAndUsesItsIdAsCorrelationId() {
        try (Traces.Scope scope = Traces.begin("garbage", " ")) {
            assertThat(scope.trace().traceId()).isNotEqualTo(TRACE).hasSize(32);
            assertThat(scope.correlationId()).isEqualTo(scope.trace().traceId());
        }
    }

    @Test
    void scopesNestAndRestoreTheOuterTraceAndMdcKeys() {
        MDC.put(Traces.ORDER_ID, "outer-order");
        try (Traces.Scope outer = Traces.begin(null, "outer")) {
            try (Traces.Scope inner = Traces.begin(HEADER, "inner").put(Traces.ORDER_ID, "o1")) {
                assertThat(MDC.get(Traces.ORDER_ID)).isEqualTo("o1");
                assertThat(Traces.current()).contains(inner.trace());
            }
            assertThat(Traces.current()).contains(outer.trace());
            assertThat(MDC.get(Traces.CORRELATION_ID)).isEqualTo("outer");
            assertThat(MDC.get(Traces.ORDER_ID)).isEqualTo("outer-order");
        }
        assertThat(MDC.get(Traces.ORDER_ID)).isEqualTo("outer-order");
        assertThat(MDC.get(Traces.CORRELATION_ID)).isNull();
    }

    @Test
    void outgoingCallsCarryAChildOfTheCurrentSpanAndTheCorrelationId() {
        assertThat(Traces.outgoing()).isEmpty();
        try (Traces.Scope scope = Traces.begin(HEADER, "corr-2")) {
            Map<String, String> headers = Traces.outgoing();

            TraceParent sent = TraceParent.parse(headers.get(TraceParent.HEADER)).orElseThrow();
            assertThat(sent.traceId()).isEqualTo(TRACE);
            assertThat(sent.spanId()).isNotEqualTo(scope.trace().spanId());
            assertThat(headers).containsEntry(Traces.CORRELATION_HEADER, "corr-2");
        }
    }

    @Test
    void aCurrentOpenTelemetrySpanWinsOverTheHeaderWhenTheApiIsOnTheClasspath() {
        String otelTrace = "0af7651916cd43dd8448eb211c80319c";
        SpanContext context = SpanContext.create(otelTrace, "b7ad6b7169203331", TraceFlags.getSampled(),
                TraceState.getDefault());
        try (Scope otel = Span.wrap(context).makeCurrent(); Traces.Scope scope = Traces.begin(HEADER, null)) {
            assertThat(scope.trace()).isEqualTo(new TraceParent(otelTrace, "b7ad6b7169203331", 1));
            assertThat(MDC.get(Traces.TRACE_ID)).isEqualTo(otelTrace);
            assertThat(TraceParent.parse(Traces.outgoing().get(TraceParent.HEADER)).orElseThrow().traceId())
                    .isEqualTo(otelTrace);
        }
    }

    @Test
    void anInvalidOpenTelemetrySpanIsIgnored() {
        try (Scope otel = Span.getInvalid().makeCurrent(); Traces.Scope scope = Traces.begin(HEADER, null)) {
            assertThat(scope.trace().traceId()).isEqualTo(TRACE);
        }
    }
}
