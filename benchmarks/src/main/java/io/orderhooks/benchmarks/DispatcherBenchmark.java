package io.orderhooks.benchmarks;

import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.events.IntegrationEventsDispatcher;
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

    private IntegrationEventsDispatcher dispatcher;
    private RawRequest request;

    @Setup
    public void setUp() {
        dispatcher = BenchMiddleware.dispatcher();
        request = BenchMiddleware.signedCalculate(BenchMiddleware.calculateBody(lines));
        RawResponse check = dispatcher.handle(request);
        if (check.status() != 200) {
            throw new IllegalStateException("the dispatcher answered " + check.status() + ": " + check.bodyText());
        }
    }

    @TearDown
    public void tearDown() {
        dispatcher.close();
    }

    @Benchmark
    public RawResponse signedOrderCalculate() {
        return dispatcher.handle(request);
    }
}
