import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Top frames of a JFR recording: CPU samples ({@code jdk.ExecutionSample}) and allocation samples
 * ({@code jdk.ObjectAllocationSample}, weighted by the bytes each sample stands for), each as the N frames with the
 * most self share (the frame on top of the stack) and the most total share (the frame anywhere in the stack, counted
 * once per sample), plus the allocated classes. A single-file program, run without a build:
 *
 * <pre>{@code java benchmarks/load/JfrTop.java recording.jfr [N] [thread-name-prefix] [without-frame]}</pre>
 *
 * The optional prefix keeps only samples of threads whose name starts with it (e.g. {@code JettyServerThreadPool});
 * {@code without-frame} drops every sample whose stack has a frame whose name contains it (e.g.
 * {@code Dispatch.handle}: what a request costs outside the dispatcher).
 */
public final class JfrTop {

    /** Sums of one event kind: samples (or bytes) per frame, self and total, and per allocated class. */
    static final class Tally {
        final Map<String, Double> self = new HashMap<>();
        final Map<String, Double> total = new HashMap<>();
        final Map<String, Double> classes = new HashMap<>();
        double sum;

        void add(RecordedStackTrace stack, double weight, String allocatedClass) {
            if (stack == null || stack.getFrames().isEmpty()) {
                return;
            }
            sum += weight;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), weight, Double::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (seen.add(name)) {
                    total.merge(name, weight, Double::sum);
                }
            }
            if (allocatedClass != null) {
                classes.merge(allocatedClass, weight, Double::sum);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java JfrTop.java <recording.jfr> [N] [thread-name-prefix] [without-frame]");
            System.exit(2);
        }
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String prefix = args.length > 2 ? args[2] : "";
        String without = args.length > 3 ? args[3] : null;
        Tally cpu = new Tally();
        Tally alloc = new Tally();
        try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (!type.equals("jdk.ExecutionSample") && !type.equals("jdk.ObjectAllocationSample")) {
                    continue;
                }
                if (!threadMatches(event, prefix) || hasFrame(event.getStackTrace(), without)) {
                    continue;
                }
                if (type.equals("jdk.ExecutionSample")) {
                    cpu.add(event.getStackTrace(), 1, null);
                } else if (type.equals("jdk.ObjectAllocationSample")) {
                    alloc.add(event.getStackTrace(), event.getLong("weight"), event.getClass("objectClass").getName());
                }
            }
        }
        print("CPU (jdk.ExecutionSample), self", cpu.self, cpu.sum, n, "samples");
        print("CPU (jdk.ExecutionSample), total", cpu.total, cpu.sum, n, "samples");
        print("allocation (jdk.ObjectAllocationSample), self", alloc.self, alloc.sum, n, "MiB");
        print("allocation (jdk.ObjectAllocationSample), total", alloc.total, alloc.sum, n, "MiB");
        print("allocation by class", alloc.classes, alloc.sum, n, "MiB");
    }

    private static boolean threadMatches(RecordedEvent event, String prefix) {
        if (prefix.isEmpty()) {
            return true;
        }
        String field = event.hasField("sampledThread") ? "sampledThread" : "eventThread";
        var thread = event.getThread(field);
        return thread != null && thread.getJavaName() != null && thread.getJavaName().startsWith(prefix);
    }

    private static boolean hasFrame(RecordedStackTrace stack, String part) {
        if (part == null || stack == null) {
            return false;
        }
        for (RecordedFrame frame : stack.getFrames()) {
            if (name(frame).contains(part)) {
                return true;
            }
        }
        return false;
    }

    private static String name(RecordedFrame frame) {
        var method = frame.getMethod();
        String type = method.getType().getName();
        return type.substring(type.lastIndexOf('.', type.lastIndexOf('.') - 1) + 1) + "." + method.getName();
    }

    private static void print(String title, Map<String, Double> counts, double sum, int n, String unit) {
        boolean bytes = unit.equals("MiB");
        System.out.printf("%n== %s: %.0f %s in all%n", title, bytes ? sum / (1 << 20) : sum, unit);
        List<Map.Entry<String, Double>> top = new ArrayList<>(counts.entrySet());
        top.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        for (Map.Entry<String, Double> e : top.subList(0, Math.min(n, top.size()))) {
            System.out.printf("%6.1f%%  %s%n", sum == 0 ? 0 : 100 * e.getValue() / sum, e.getKey());
        }
    }
}
