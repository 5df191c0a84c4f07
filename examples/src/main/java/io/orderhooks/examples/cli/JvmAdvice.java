package io.orderhooks.examples.cli;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * The line the {@code middleware} command prints about the JVM it runs in: collector, heap limit and CPUs, plus the
 * latency advice of docs/PERFORMANCE.md ("JVM and Jetty settings") when the JVM chose G1 on a box of at most
 * {@link #SMALL_BOX_CPUS} CPUs. A jar cannot pick its own collector, so the command says how to start it instead.
 */
final class JvmAdvice {

    /** Up to this many CPUs, the parallel collector is the recommendation for a latency-sensitive middleware. */
    static final int SMALL_BOX_CPUS = 4;
    /** The options docs/PERFORMANCE.md recommends for the middleware on a small box. */
    static final String RECOMMENDED = "-XX:+UseParallelGC -Xmx512m";

    private JvmAdvice() {}

    /** The line for this JVM. */
    static String describe() {
        List<String> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList();
        return describe(collectors, Runtime.getRuntime().maxMemory(), Runtime.getRuntime().availableProcessors());
    }

    /**
     * The line for a JVM with these collector beans (by name), this heap limit and this many CPUs, e.g.
     * {@code JVM: parallel collector, heap up to 512 MiB, 2 CPUs}.
     */
    static String describe(List<String> collectorNames, long maxHeapBytes, int cpus) {
        String collector = collector(collectorNames);
        String line = String.format(Locale.ROOT, "JVM: %s collector, heap up to %d MiB, %d CPU%s", collector,
                maxHeapBytes / (1024 * 1024), cpus, cpus == 1 ? "" : "s");
        if (collector.equals("G1") && cpus <= SMALL_BOX_CPUS) {
            line += "; for lower latency on a box this small start it with java " + RECOMMENDED
                    + " -jar orderhooks.jar middleware ... (docs/PERFORMANCE.md, \"JVM and Jetty settings\")";
        }
        return line;
    }

    /** The collector's common name from the JVM's collector bean names. */
    static String collector(List<String> names) {
        for (String name : names) {
            if (name.startsWith("G1")) {
                return "G1";
            }
            if (name.startsWith("PS ")) {
                return "parallel";
            }
            if (name.equals("Copy") || name.equals("MarkSweepCompact")) {
                return "serial";
            }
            if (name.startsWith("ZGC")) {
                return "Z";
            }
            if (name.startsWith("Shenandoah")) {
                return "Shenandoah";
            }
        }
        return names.isEmpty() ? "unknown" : names.get(0);
    }
}
