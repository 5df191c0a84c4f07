package io.orderhooks.benchmarks;

import io.orderhooks.core.observe.ReceiverEvent;
import io.orderhooks.micrometer.PrometheusMetrics;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The metrics work of one answered integration event alone: the three events a dispatcher publishes per request
 * (handler started, handler finished with its latency, request handled) through {@code PrometheusMetrics}: an
 * in-flight gauge up and down, a histogram record and a counter increment. Compare with
 * {@link DispatcherBenchmark}'s per-request time; less noisy than the difference of two whole-path runs on a busy
 * machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ObserverBenchmark {

    private static final ReceiverEvent STARTED = new ReceiverEvent.HandlerStarted(ReceiverEvent.INTEGRATION_EVENTS,
            "ordercalculate");

    private PrometheusMetrics metrics;

    @Setup
    public void setUp() {
        metrics = PrometheusMetrics.create();
    }

    @TearDown
    public void tearDown() {
        metrics.close();
    }

    @Benchmark
    public void eventsOfOneRequest() {
        metrics.on(STARTED);
        metrics.on(new ReceiverEvent.HandlerFinished(ReceiverEvent.INTEGRATION_EVENTS, "ordercalculate", 41_000));
        metrics.on(new ReceiverEvent.Handled(ReceiverEvent.INTEGRATION_EVENTS, "ordercalculate",
                ReceiverEvent.Outcome.ANSWERED, 200, 52_000));
    }
}
