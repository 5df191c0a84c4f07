import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * CPU samples of a JFR recording ({@code jdk.ExecutionSample}) by library: each sample's top frame is put in a group by
 * its class's package (pgjdbc, HikariCP, H2, Jackson, the JDBC store's code, the rest of orderhooks, Jetty/Javalin, the
 * JDK, other), once by the top frame itself ("self") and once by the first frame from the top that is not the JDK's
 * ("caller": a {@code String} copy inside pgjdbc counts as pgjdbc). A single-file program, run without a build:
 *
 * <pre>{@code java benchmarks/load/JfrPackages.java recording.jfr [thread-name-prefix]}</pre>
 *
 * The optional prefix keeps only samples of threads whose name starts with it (e.g. {@code JettyServerThreadPool}).
 */
public final class JfrPackages {

    /** Groups in print order: a name and the package prefixes that make it (first match wins). */
    static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("pgjdbc", List.of("org.postgresql."));
        GROUPS.put("HikariCP", List.of("com.zaxxer.hikari."));
        GROUPS.put("H2", List.of("org.h2."));
        GROUPS.put("Jackson", List.of("com.fasterxml.jackson."));
        GROUPS.put("store (engine.internal.store.jdbc)", List.of("io.orderhooks.engine.internal.store.jdbc."));
        GROUPS.put("benchmarks (StatementCounter, driver)", List.of("io.orderhooks.benchmarks."));
        GROUPS.put("orderhooks, other", List.of("io.orderhooks."));
        GROUPS.put("Jetty, Javalin", List.of("org.eclipse.jetty.", "io.javalin."));
        GROUPS.put("OkHttp, Okio, Kotlin", List.of("okhttp3.", "okio.", "kotlin."));
        GROUPS.put("JDK", List.of("java.", "javax.", "jdk.", "sun.", "com.sun."));
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java JfrPackages.java <recording.jfr> [thread-name-prefix]");
            System.exit(2);
        }
        String prefix = args.length > 1 ? args[1] : "";
        Map<String, Integer> self = new LinkedHashMap<>();
        Map<String, Integer> caller = new LinkedHashMap<>();
        GROUPS.keySet().forEach(g -> {
            self.put(g, 0);
            caller.put(g, 0);
        });
        self.put("other", 0);
        caller.put("other", 0);
        int sum = 0;
        try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || !threadMatches(event, prefix)) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                sum++;
                List<RecordedFrame> frames = stack.getFrames();
                self.merge(group(frames.get(0)), 1, Integer::sum);
                String first = "JDK";
                for (RecordedFrame frame : frames) {
                    String g = group(frame);
                    if (!g.equals("JDK")) {
                        first = g;
                        break;
                    }
                }
                caller.merge(first, 1, Integer::sum);
            }
        }
        System.out.printf("%d CPU samples%s%n%-40s %7s %7s%n", sum, prefix.isEmpty() ? "" : " of threads " + prefix + "*",
                "group", "self", "caller");
        List<String> names = new ArrayList<>(self.keySet());
        for (String g : names) {
            System.out.printf("%-40s %6.1f%% %6.1f%%%n", g, 100.0 * self.get(g) / Math.max(1, sum),
                    100.0 * caller.get(g) / Math.max(1, sum));
        }
    }

    private static String group(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        for (Map.Entry<String, List<String>> g : GROUPS.entrySet()) {
            for (String p : g.getValue()) {
                if (type.startsWith(p)) {
                    return g.getKey();
                }
            }
        }
        return "other";
    }

    private static boolean threadMatches(RecordedEvent event, String prefix) {
        if (prefix.isEmpty()) {
            return true;
        }
        String field = event.hasField("sampledThread") ? "sampledThread" : "eventThread";
        var thread = event.getThread(field);
        return thread != null && thread.getJavaName() != null && thread.getJavaName().startsWith(prefix);
    }
}
