package io.orderhooks.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's threads by kind, for {@link StatementCount}: the HTTP server's request threads (Java threads
 * whose name starts with {@link #REQUEST_THREADS}, read through {@link ThreadMXBean}), and the JIT compiler threads
 * and GC threads, which are not Java threads and are read from {@code /proc/self/task/<tid>/stat} (Linux; zero
 * elsewhere). The request threads' CPU is the engine's own work per request (H2's too, since H2 runs on the calling
 * thread) without the client, compilation or collection, so it settles once the code is compiled. A thread that exits
 * between two readings takes its CPU with it (run compiler threads with {@code -XX:-UseDynamicNumberOfCompilerThreads}
 * to keep them all).
 */
final class ThreadCpu {

    /** The name prefix of Javalin's (Jetty's) request threads. */
    static final String REQUEST_THREADS = "JettyServerThreadPool";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long NANOS_PER_TICK = 10_000_000; // USER_HZ = 100 on Linux

    /** CPU nanoseconds so far: request threads, JIT compiler threads, GC threads. */
    record Reading(long requests, long jit, long gc) {

        Reading since(Reading start) {
            return new Reading(requests - start.requests, jit - start.jit, gc - start.gc);
        }
    }

    private ThreadCpu() {
    }

    /** The CPU so far of the request threads ({@link #REQUEST_THREADS}), JIT and GC. */
    static Reading read() {
        return read(REQUEST_THREADS);
    }

    /** As {@link #read()}, counting the Java threads whose name starts with {@code prefix} as request threads. */
    static Reading read(String prefix) {
        long requests = 0;
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith(prefix)) {
                long cpu = THREADS.getThreadCpuTime(t.getThreadId());
                requests += Math.max(0, cpu);
            }
        }
        long[] outside = nativeThreads();
        return new Reading(requests, outside[0], outside[1]);
    }

    /** JIT and GC threads' CPU nanoseconds from /proc (their {@code comm} names as HotSpot sets them). */
    private static long[] nativeThreads() {
        long[] out = new long[2];
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        try (Stream<Path> all = Files.list(tasks)) {
            all.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String comm = stat.substring(open + 1, close);
                    String[] fields = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                        out[0] += ticks * NANOS_PER_TICK;
                    } else if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
                        out[1] += ticks * NANOS_PER_TICK;
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread exited while being read
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
