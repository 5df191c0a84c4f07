package io.orderhooks.core.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * Where a request's trace lives while this thread serves it, and how it travels on: W3C {@code traceparent} in,
 * {@code traceparent} out, and the SLF4J MDC keys every log line of the request carries.
 *
 * <p>{@link #begin} is called by whatever receives a request (the engine's API, the receivers): the request's span
 * is the current OpenTelemetry span when the OpenTelemetry API is on the classpath and one is current (an agent or
 * the application made it; nothing else is needed), otherwise a child of the {@code traceparent} header, otherwise a
 * new trace. Until the returned {@link Scope} closes, {@link #current()} answers it and the MDC holds
 * {@value #TRACE_ID}, {@value #SPAN_ID} and {@value #CORRELATION_ID}; {@link Scope#put} adds request facts such as
 * {@value #ORDER_ID}. {@link #outgoing} gives the headers a call made within the request sends. Thread-confined: a
 * scope belongs to the thread that began it ({@code TimeBudget} copies the MDC, not the scope, to its threads).
 */
public final class Traces {

    /** MDC key: the 32-hex trace ID. */
    public static final String TRACE_ID = "traceId";
    /** MDC key: this process's span ID for the request. */
    public static final String SPAN_ID = "spanId";
    /** MDC key: the caller's {@code X-Correlation-ID}, or the trace ID when it sent none. */
    public static final String CORRELATION_ID = "correlationId";
    /** MDC key: the order the request concerns. */
    public static final String ORDER_ID = "orderId";
    /** MDC key: a webhook's {@code LogID}. */
    public static final String LOG_ID = "logId";
    /** The header a correlation ID travels in. */
    public static final String CORRELATION_HEADER = "X-Correlation-ID";

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private Traces() {}

    /** The current span on this thread: OpenTelemetry's when one is current, else the innermost open scope's. */
    public static Optional<TraceParent> current() {
        Optional<TraceParent> otel = OpenTelemetryContext.currentSpan();
        if (otel.isPresent()) {
            return otel;
        }
        Scope scope = CURRENT.get();
        return scope == null ? Optional.empty() : Optional.of(scope.trace);
    }

    /**
     * Makes a received request's span current on this thread (see the class comment for where it comes from).
     *
     * @param traceparent the request's {@code traceparent} header, or null
     * @param correlationId the request's {@code X-Correlation-ID} header, or null
     */
    public static Scope begin(String traceparent, String correlationId) {
        TraceParent trace = OpenTelemetryContext.currentSpan()
                .or(() -> TraceParent.parse(traceparent).map(TraceParent::child))
                .orElseGet(TraceParent::generate);
        String correlation = validCorrelation(correlationId) ? correlationId.trim() : trace.traceId();
        return new Scope(trace, correlation);
    }

    /**
     * The headers a call made now, on this thread, carries: {@code traceparent} (a child span of {@link #current()})
     * and {@code X-Correlation-ID}; empty when no trace is current.
     */
    public static Map<String, String> outgoing() {
        Optional<TraceParent> trace = current();
        if (trace.isEmpty()) {
            return Map.of();
        }
        Scope scope = CURRENT.get();
        String correlation = scope != null ? scope.correlationId : trace.get().traceId();
        return Map.of(TraceParent.HEADER, trace.get().child().header(), CORRELATION_HEADER, correlation);
    }

    private static boolean validCorrelation(String id) {
        if (id == null || id.isBlank() || id.length() > 128) {
            return false;
        }
        return id.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /**
     * A request's span made current on one thread. {@link #close()} restores what was current before (scopes
     * nest: an in-process delivery runs the receiver inside the engine's request) and the MDC keys it set.
     */
    public static final class Scope implements AutoCloseable {
        private final TraceParent trace;
        private final String correlationId;
        private final Scope outer;
        private final List<String[]> previous = new ArrayList<>(5);

        private Scope(TraceParent trace, String correlationId) {
            this.trace = trace;
            this.correlationId = correlationId;
            this.outer = CURRENT.get();
            CURRENT.set(this);
            put(TRACE_ID, trace.traceId());
            put(SPAN_ID, trace.spanId());
            put(CORRELATION_ID, correlationId);
        }

        public TraceParent trace() {
            return trace;
        }

        public String correlationId() {
            return correlationId;
        }

        /** Sets an MDC key until {@link #close()}; a null value is ignored. */
        public Scope put(String key, String value) {
            if (value != null) {
                previous.add(new String[] {key, MDC.get(key)});
                MDC.put(key, value);
            }
            return this;
        }

        @Override
        public void close() {
            for (int i = previous.size() - 1; i >= 0; i--) {
                String[] entry = previous.get(i);
                if (entry[1] == null) {
                    MDC.remove(entry[0]);
                } else {
                    MDC.put(entry[0], entry[1]);
                }
            }
            previous.clear();
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }
}
