package io.orderhooks.benchmarks;

import io.orderhooks.core.model.Order;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's in-process checkout, per order: create, add N lines, estimate shipping, select a ship method,
 * calculate, submit ({@link BenchEngine#checkout}). The checkout integration is
 * {@link BenchEngine#cannedMiddleware() canned in memory}, so this is the engine's own cost, including
 * serializing the worksheet for each of the three integration calls. A fresh engine per iteration keeps
 * the store from growing without bound.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class EngineCheckoutBenchmark {

    @Param({"1", "10", "100", "1000"})
    public int lines;

    private BenchEngine engine;

    @Setup(Level.Iteration)
    public void freshEngine() {
        engine = BenchEngine.seeded(BenchEngine.cannedMiddleware());
    }

    @Benchmark
    public Order checkout() {
        return engine.checkout(lines);
    }
}
