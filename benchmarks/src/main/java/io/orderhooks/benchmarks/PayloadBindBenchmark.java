package io.orderhooks.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.CheckoutPayload;
import io.orderhooks.events.internal.BoundedNamesFactory;
import java.io.IOException;
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

/**
 * The receivers' typed bind of a 20-line checkout payload ({@code CheckoutPayload}), with and without Jackson's
 * shared field-name table, over several JVM starts (the table's hash seed is drawn per JVM, so name collisions, and
 * their cost, differ from one start to the next: run with {@code -f 4} or more and read the per-fork scores;
 * {@link BindCost} measures the same variants in CPU time, which other load on the machine hardly moves).
 *
 * <p>{@code names}: {@code shared} ({@link OrderCloudJson#mapper()}: names canonicalized in the mapper's shared
 * symbol table), {@code none} (the same configuration with {@code CANONICALIZE_FIELD_NAMES} off) or {@code bounded}
 * ({@link BoundedNamesFactory}: shared until the table holds 1,000 names, then none; as {@code PayloadParser} binds).
 * {@code body}: {@code calculate} (one fixed body, as the load harness sends) or {@code idKeyed} (1,024 bodies
 * whose {@code OrderCalculateResponse.xp.Tax.LineTaxes} is keyed by line IDs never seen before, as the example
 * merchant's submit worksheets are: each new name grows the shared table).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(2)
public class PayloadBindBenchmark {

    private static final int ID_KEYED_BODIES = 1024;

    @Param({"shared", "none", "bounded"})
    public String names;

    @Param({"calculate", "idKeyed"})
    public String body;

    private ObjectReader reader;
    private byte[][] bodies;
    private int next;

    @Setup
    @SuppressWarnings("deprecation") // JsonFactory.disable(Feature): the factory is this new mapper's own
    public void setUp() throws IOException {
        ObjectMapper mapper = OrderCloudJson.mapper();
        if (names.equals("none")) {
            mapper = OrderCloudJson.newMapper();
            mapper.getFactory().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES);
        }
        if (names.equals("bounded")) {
            mapper = OrderCloudJson.newMapper(BoundedNamesFactory::new);
        }
        reader = mapper.readerFor(CheckoutPayload.class);
        byte[] calculate = BenchMiddleware.calculateBody(20);
        bodies = body.equals("calculate") ? new byte[][] {calculate} : idKeyed(calculate);
    }

    /** Bodies that each carry 20 names never used before, in the tax answer's {@code xp}. */
    private static byte[][] idKeyed(byte[] calculate) throws IOException {
        ObjectMapper mapper = OrderCloudJson.mapper();
        byte[][] bodies = new byte[ID_KEYED_BODIES][];
        for (int b = 0; b < bodies.length; b++) {
            ObjectNode root = (ObjectNode) mapper.readTree(calculate);
            ObjectNode answer = ((ObjectNode) root.get("OrderWorksheet")).putObject("OrderCalculateResponse");
            answer.put("TaxTotal", 12.34);
            ObjectNode lines = answer.putObject("xp").putObject("Tax").putObject("LineTaxes");
            for (int i = 0; i < 20; i++) {
                lines.put("li-" + Integer.toString(b * 20 + i, 36) + "-x7Qz", 0.62);
            }
            bodies[b] = mapper.writeValueAsBytes(root);
        }
        return bodies;
    }

    /** The reader's factory (its symbol table). */
    JsonFactory factory() {
        return reader.getFactory();
    }

    @Benchmark
    public CheckoutPayload bind() throws IOException {
        byte[] bytes = bodies[next];
        next = next + 1 == bodies.length ? 0 : next + 1;
        return reader.readValue(bytes);
    }
}
