package io.orderhooks.benchmarks;

import io.orderhooks.core.signing.OcHash;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

/** {@code X-oc-hash} signing and verification (one key, and a rotation set of two) by body size. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SignatureBenchmark {

    @Param({"256", "4096", "65536", "1048576"})
    public int bodyBytes;

    private byte[] body;
    private String header;
    private OcHash oneKey;
    private OcHash rotation;

    @Setup
    public void setUp() {
        StringBuilder json = new StringBuilder("{\"Data\":\"");
        while (json.length() < bodyBytes - 2) {
            json.append('x');
        }
        body = json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
        header = OcHash.sign("current-key", body);
        oneKey = OcHash.withKey("current-key");
        rotation = OcHash.withKeys(List.of("current-key", "previous-key"));
    }

    @Benchmark
    public String sign() {
        return oneKey.sign(body);
    }

    @Benchmark
    public boolean verifyOneKey() {
        return oneKey.verify(body, header);
    }

    @Benchmark
    public boolean verifyDuringRotation() {
        return rotation.verify(body, header);
    }
}
