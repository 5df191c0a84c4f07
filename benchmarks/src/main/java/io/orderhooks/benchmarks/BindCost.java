package io.orderhooks.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.util.Arrays;

/**
 * CPU time per typed bind in this JVM start, the load-insensitive counterpart of {@link PayloadBindBenchmark}
 * (same variants): the thread's own CPU time, so other work on the machine moves it little. Prints one line:
 * the variant, the median and the spread of CPU µs per bind over the measured seconds, bytes allocated per bind
 * (the thread's allocation counter), and the reader's shared symbol table's collision counts ({@code ByteQuadsCanonicalizer}: names outside their primary slot are the ones a look-up searches for).
 * Run it several times: the table's hash seed is drawn per JVM start.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.orderhooks.benchmarks.BindCost shared|none calculate|idKeyed
 * [warm-up s = 8] [measured s = 6]}
 */
public final class BindCost {

    private BindCost() {}

    public static void main(String[] args) throws Exception {
        PayloadBindBenchmark bench = new PayloadBindBenchmark();
        bench.names = args[0];
        bench.body = args[1];
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int measured = args.length > 3 ? Integer.parseInt(args[3]) : 6;
        bench.setUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean alloc = (com.sun.management.ThreadMXBean) threads;
        long id = Thread.currentThread().getId();
        run(bench, threads, warmup * 1_000_000_000L);
        double[] micros = new double[measured];
        long bytes = alloc.getThreadAllocatedBytes(id);
        long calls = 0;
        for (int s = 0; s < measured; s++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long n = run(bench, threads, 1_000_000_000L);
            micros[s] = (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / n;
            calls += n;
        }
        long perBind = (alloc.getThreadAllocatedBytes(id) - bytes) / calls;
        Arrays.sort(micros);
        System.out.printf("%s\t%s\tCPU us/bind %.1f (%.1f-%.1f)\tbytes/bind %d\t%s%n", args[0], args[1],
                micros[measured / 2], micros[0], micros[measured - 1], perBind, table(bench.factory()));
    }

    /** Binds until the thread has used {@code cpuNanos} of CPU; returns how many. */
    private static long run(PayloadBindBenchmark bench, ThreadMXBean threads, long cpuNanos) throws Exception {
        long end = threads.getCurrentThreadCpuTime() + cpuNanos;
        long n = 0;
        while (threads.getCurrentThreadCpuTime() < end) {
            for (int i = 0; i < 100; i++) {
                bench.bind();
            }
            n += 100;
        }
        return n;
    }

    /** The factory's shared symbol table: names, and how many sit outside their primary slot. */
    private static String table(JsonFactory factory) throws ReflectiveOperationException {
        Field field = JsonFactory.class.getDeclaredField("_byteSymbolCanonicalizer");
        field.setAccessible(true);
        ByteQuadsCanonicalizer root = (ByteQuadsCanonicalizer) field.get(factory);
        ByteQuadsCanonicalizer view = root.makeChild(JsonFactory.Feature.collectDefaults());
        String line = String.format("table: names %d primary %d secondary %d tertiary %d spill %d buckets %d",
                view.size(), view.primaryCount(), view.secondaryCount(), view.tertiaryCount(), view.spilloverCount(),
                view.bucketCount());
        view.release();
        return line;
    }
}
