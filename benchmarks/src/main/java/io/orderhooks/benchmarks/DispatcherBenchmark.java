package io.orderhooks.benchmarks;

import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.observe.Observer;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.micrometer.PrometheusMetrics;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A signed {@code /ordercalculate} through {@link IntegrationEventsDispatcher#handle}: route, guard, verify
 * {@code X-oc-hash}, parse, run the real tax plugin under its time limit, validate and serialize the answer.
 * No sockets; {@link LoadServers} measures the same over HTTP.
 *
 * <p>{@code observer}: {@code none} (no observer, the default for a dispatcher) or {@code micrometer} (a
 * {@code PrometheusMetrics} counting every request, timing every handler into a percentile histogram and tracking
 * handlers in flight): the difference is the cost of metrics on this path ({@code docs/OPERATIONS-METRICS.md}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DispatcherBenchmark {

    @Param({"20", "200"})
    public int lines;

    @Param({"none", "micrometer"})
    public String observer;

    private IntegrationEventsDispatcher dispatcher;
    private RawRequest request;
    private PrometheusMetrics metrics;

    @Setup
    public void setUp() {
        metrics = observer.equals("micrometer") ? PrometheusMetrics.create() : null;
        dispatcher = BenchMiddleware.dispatcher(metrics == null ? Observer.NONE : metrics);
        request = BenchMiddleware.signedCalculate(BenchMiddleware.calculateBody(lines));
        RawResponse check = dispatcher.handle(request);
        if (check.status() != 200) {
            throw new IllegalStateException("the dispatcher answered " + check.status() + ": " + check.bodyText());
        }
    }

    @TearDown
    public void tearDown() {
        dispatcher.close();
        if (metrics != null) {
            metrics.close();
        }
    }

    @Benchmark
    public RawResponse signedOrderCalculate() {
        return dispatcher.handle(request);
    }
}
