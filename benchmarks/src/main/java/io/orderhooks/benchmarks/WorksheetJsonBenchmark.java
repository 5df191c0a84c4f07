package io.orderhooks.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.OrderWorksheet;
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
import org.openjdk.jmh.annotations.Warmup;

/** Binding an {@code OrderWorksheet} from bytes and writing it back, by line count. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WorksheetJsonBenchmark {

    @Param({"1", "10", "100", "1000"})
    public int lines;

    private final ObjectMapper json = OrderCloudJson.mapper();
    private OrderWorksheet worksheet;
    private byte[] bytes;

    @Setup
    public void setUp() throws Exception {
        worksheet = SampleWorksheets.calculateReady(lines);
        bytes = json.writeValueAsBytes(worksheet);
    }

    @Benchmark
    public OrderWorksheet parse() throws Exception {
        return json.readValue(bytes, OrderWorksheet.class);
    }

    @Benchmark
    public byte[] serialize() throws Exception {
        return json.writeValueAsBytes(worksheet);
    }
}
