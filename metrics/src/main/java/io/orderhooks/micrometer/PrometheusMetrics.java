package io.orderhooks.micrometer;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.observe.ObservedEvent;
import io.orderhooks.core.observe.Observer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * A Prometheus registry with orderhooks' meters ({@link MicrometerObserver}) and the JVM's (memory, GC, threads,
 * class loading, CPU, uptime), and the {@code GET /metrics} endpoint serving them in Prometheus' text format. It is
 * both the {@link Observer} to hand to the builders and the {@link RawHandler} to mount:
 *
 * <pre>{@code
 * PrometheusMetrics metrics = PrometheusMetrics.create();
 * IntegrationEventsDispatcher events = IntegrationEventsDispatcher.builder().observer(metrics)...build();
 * Javalin.create(cfg -> {
 *     cfg.registerPlugin(IntegrationEventsPlugin.at("/integration", events));
 *     JavalinMount.mount(cfg.routes, "/metrics", () -> 0, metrics);
 * });
 * OrderEngine.create(cfg -> cfg.observer(metrics).metricsEndpoint(metrics));
 * }</pre>
 *
 * <p>Thread-safe. {@link #handle} answers {@code GET} (and {@code HEAD}) with 200, other methods with 405, and never
 * throws. {@link #close()} stops the GC listener and closes the registry.
 */
public final class PrometheusMetrics implements Observer, RawHandler, AutoCloseable {

    /** The Prometheus text exposition format's content type. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final MicrometerObserver observer;
    private final JvmGcMetrics gc;

    private PrometheusMetrics(PrometheusMeterRegistry registry, boolean jvm) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.observer = MicrometerObserver.of(registry);
        if (jvm) {
            new ClassLoaderMetrics().bindTo(registry);
            new JvmMemoryMetrics().bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
            this.gc = new JvmGcMetrics();
            gc.bindTo(registry);
        } else {
            this.gc = null;
        }
    }

    /** A new Prometheus registry with orderhooks' and the JVM's meters. */
    public static PrometheusMetrics create() {
        return new PrometheusMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), true);
    }

    /** orderhooks' meters only, in {@code registry} (e.g. one your application already scrapes). */
    public static PrometheusMetrics of(PrometheusMeterRegistry registry) {
        return new PrometheusMetrics(registry, false);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void on(ObservedEvent event) {
        observer.on(event);
    }

    /** Every meter in Prometheus' text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public RawResponse handle(RawRequest request) {
        String method = request.method();
        if (!method.equalsIgnoreCase("GET") && !method.equalsIgnoreCase("HEAD")) {
            return RawResponse.error(405, "MethodNotAllowed", method + " is not allowed on the metrics endpoint; use GET")
                    .withHeader("Allow", "GET, HEAD");
        }
        byte[] body = method.equalsIgnoreCase("HEAD") ? new byte[0] : scrape().getBytes(StandardCharsets.UTF_8);
        return new RawResponse(200, Map.of("Content-Type", CONTENT_TYPE), body);
    }

    @Override
    public void close() {
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }

    @Override
    public String toString() {
        return "PrometheusMetrics";
    }
}
