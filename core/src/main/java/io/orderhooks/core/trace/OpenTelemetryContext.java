package io.orderhooks.core.trace;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * The current OpenTelemetry span, read through the OpenTelemetry API when it is on the classpath (core does not
 * depend on it): {@code Span.current().getSpanContext()}. Without the API, or without a valid current span, empty.
 */
final class OpenTelemetryContext {

    private static final Bridge BRIDGE = find();

    private OpenTelemetryContext() {}

    static Optional<TraceParent> currentSpan() {
        if (BRIDGE == null) {
            return Optional.empty();
        }
        try {
            Object[] parts = BRIDGE.read();
            return parts == null ? Optional.empty()
                    : Optional.of(new TraceParent((String) parts[0], (String) parts[1], (Byte) parts[2] & 0xff));
        } catch (Throwable e) {
            return Optional.empty();
        }
    }

    /** The bound API methods, or null without the API. */
    private static Bridge find() {
        try {
            ClassLoader loader = OpenTelemetryContext.class.getClassLoader();
            Class<?> span = Class.forName("io.opentelemetry.api.trace.Span", false, loader);
            Class<?> spanContext = Class.forName("io.opentelemetry.api.trace.SpanContext", false, loader);
            Class<?> traceFlags = Class.forName("io.opentelemetry.api.trace.TraceFlags", false, loader);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            return new Bridge(
                    lookup.findStatic(span, "current", MethodType.methodType(span)),
                    lookup.findVirtual(span, "getSpanContext", MethodType.methodType(spanContext)),
                    lookup.findVirtual(spanContext, "isValid", MethodType.methodType(boolean.class)),
                    lookup.findVirtual(spanContext, "getTraceId", MethodType.methodType(String.class)),
                    lookup.findVirtual(spanContext, "getSpanId", MethodType.methodType(String.class)),
                    lookup.findVirtual(spanContext, "getTraceFlags", MethodType.methodType(traceFlags)),
                    lookup.findVirtual(traceFlags, "asByte", MethodType.methodType(byte.class)));
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** The OpenTelemetry API's methods, bound once. */
    private record Bridge(MethodHandle current, MethodHandle context, MethodHandle valid, MethodHandle traceId,
            MethodHandle spanId, MethodHandle flags, MethodHandle asByte) {

        /** {@code {traceId, spanId, flags}} of the valid current span, or null. */
        Object[] read() throws Throwable {
            Object ctx = context.invoke(current.invoke());
            if (!(boolean) valid.invoke(ctx)) {
                return null;
            }
            return new Object[] {traceId.invoke(ctx), spanId.invoke(ctx), (byte) asByte.invoke(flags.invoke(ctx))};
        }
    }
}
