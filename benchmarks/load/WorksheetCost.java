import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.CheckoutPayload;
import io.orderhooks.core.model.OrderWorksheet;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time and allocation per serialization or bind of real checkout worksheets, measured on the thread's own
 * counters (other work on the machine moves them little): the worksheets the example merchant exported during a
 * checkout run (its outbox folder, e.g. {@code $OUT/A/outbox} of {@code checkout-ab.sh}), each wrapped in a checkout
 * payload as the engine sends it. 6 s warm-up, then the median of 5 one-second slices. Run with the jar of the build
 * to measure: {@code java -cp benchmarks.jar benchmarks/load/WorksheetCost.java MODE OUTBOX}, MODE one of
 * {@code write} (Jackson's {@code writeValueAsBytes}), {@code jsonbytes} (core's {@code JsonBytes.write}, session 9),
 * {@code lines} (the worksheet's line items alone), {@code bind-shared} / {@code bind-none} (a typed bind of the
 * payload with the shared field-name table / canonicalization off, the two paths of the receivers'
 * {@code BoundedNamesFactory}).
 */
public class WorksheetCost {

    private interface Op {
        Object run(Object value) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        ObjectMapper json = OrderCloudJson.mapper();
        List<Object> values = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(args[1]))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).limit(200).toList()) {
                OrderWorksheet ws = json.treeToValue(json.readTree(file.toFile()).get("OrderWorksheet"), OrderWorksheet.class);
                CheckoutPayload payload = new CheckoutPayload(null, "Sandbox", "x".repeat(400), ws);
                values.add(switch (mode) {
                    case "lines" -> ws.lineItems();
                    case "bind-shared", "bind-none" -> json.writeValueAsBytes(payload);
                    default -> payload;
                });
            }
        }
        Op op = switch (mode) {
            case "write", "lines" -> json::writeValueAsBytes;
            case "jsonbytes" -> {
                Method write = Class.forName("io.orderhooks.core.internal.JsonBytes").getMethod("write", ObjectMapper.class, Object.class);
                yield v -> write.invoke(null, json, v);
            }
            case "bind-shared", "bind-none" -> {
                ObjectReader reader = reader(mode.equals("bind-none"));
                yield v -> reader.readValue((byte[]) v);
            }
            default -> throw new IllegalArgumentException("mode: write, jsonbytes, lines, bind-shared or bind-none");
        };
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        int next = 0;
        long warm = threads.getCurrentThreadCpuTime() + 6_000_000_000L;
        while (threads.getCurrentThreadCpuTime() < warm) {
            op.run(values.get(next++ % values.size()));
        }
        double[] micros = new double[5];
        long bytes = threads.getThreadAllocatedBytes(id);
        long calls = 0;
        for (int s = 0; s < micros.length; s++) {
            long start = threads.getCurrentThreadCpuTime();
            long n = 0;
            while (threads.getCurrentThreadCpuTime() < start + 1_000_000_000L) {
                for (int i = 0; i < 20; i++) {
                    op.run(values.get(next++ % values.size()));
                }
                n += 20;
            }
            micros[s] = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / n;
            calls += n;
        }
        long perCall = (threads.getThreadAllocatedBytes(id) - bytes) / calls;
        Arrays.sort(micros);
        System.out.printf("%s\t%d documents\tCPU us %.1f (%.1f-%.1f)\tbytes allocated %d%n", mode, values.size(),
                micros[2], micros[0], micros[4], perCall);
    }

    @SuppressWarnings("deprecation") // JsonFactory.disable(Feature) on this new mapper's own factory
    private static ObjectReader reader(boolean noCanonicalizing) {
        ObjectMapper mapper = OrderCloudJson.newMapper();
        if (noCanonicalizing) {
            mapper.getFactory().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES);
        }
        return mapper.readerFor(CheckoutPayload.class);
    }
}
