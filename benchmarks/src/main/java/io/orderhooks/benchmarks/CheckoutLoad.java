package io.orderhooks.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;

/**
 * Load part (c): a fixed number of virtual users ({@link RestShopper}), each running whole checkouts back to
 * back over the engine's REST API for a fixed time ({@code LoadServers engine}, which delivers every checkout
 * event over HTTP to the example merchant, {@code LoadServers merchant}). After an unmeasured warm-up it
 * prints one tab-separated line: {@code checkout name users lines checkouts/s requestP50us requestP99us
 * checkoutP50us checkoutP99us checkouts requests errors warmupErrors}: {@code errors} are the measured checkouts
 * that failed, {@code warmupErrors} those of the warm-up (each phase's first failure is also printed to stderr); then
 * per step of a checkout a line {@code step name p50us p99us maxUs requests}. A line {@code measuring} marks the end of
 * the warm-up.
 *
 * <p>Usage: {@code CheckoutLoad <engine base URL> <users> <warm-up s> <measured s> <lines>}. Bounded: users stop
 * starting checkouts at the deadline, and every request has a 30 s time limit.
 */
public final class CheckoutLoad {

    private static final int CAPACITY = 4_000_000;

    /** The latencies and counts of one phase (warm-up or measured), with each checkout step's requests apart. */
    private record Phase(Latencies requests, Latencies checkouts, AtomicLong errors, Map<String, Latencies> steps) {
        static Phase fresh() {
            Map<String, Latencies> steps = new LinkedHashMap<>();
            for (String step : STEPS) {
                steps.put(step, new Latencies(step.equals("line") ? CAPACITY / 4 : CAPACITY / 40));
            }
            return new Phase(new Latencies(CAPACITY), new Latencies(CAPACITY), new AtomicLong(), steps);
        }

        void record(String step, long nanos) {
            requests.record(nanos);
            steps.get(step).record(nanos);
        }
    }

    /** This JVM's CPU time so far (all threads), in ns: the driver's own share of a row's CPU per checkout. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static final List<String> STEPS = List.of("create", "line", "estimateshipping", "shipmethods", "calculate", "submit");

    private CheckoutLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: CheckoutLoad <engine base URL> <users> <warm-up s> <measured s> <lines>");
            System.exit(2);
        }
        int users = Integer.parseInt(args[1]);
        int lines = Integer.parseInt(args[4]);
        OkHttpClient http = RestShopper.client(users);
        List<RestShopper> shoppers = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            RestShopper shopper = new RestShopper(http, args[0]);
            shopper.login();
            shoppers.add(shopper);
        }
        Phase warmUp = run(shoppers, lines, Integer.parseInt(args[2]), "warm-up");
        System.out.println("measuring"); // for scripts that sample the servers' CPU over the measured part
        System.out.flush();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        Phase measured = run(shoppers, lines, Integer.parseInt(args[3]), "measured");
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpuMillis = (processCpuNanos() - cpuStart) / 1_000_000;
        System.out.printf("checkout\tcheckout-%d\t%d\t%d\t%.1f\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d%n", lines, users, lines,
                measured.checkouts().count() / seconds,
                measured.requests().percentileMicros(50), measured.requests().percentileMicros(99),
                measured.checkouts().percentileMicros(50), measured.checkouts().percentileMicros(99),
                measured.checkouts().count(), measured.requests().count(), measured.errors().get(), warmUp.errors().get(),
                cpuMillis);
        measured.steps().forEach((step, l) -> System.out.printf("step\t%s\t%d\t%d\t%d\t%d%n", step,
                l.percentileMicros(50), l.percentileMicros(99), l.percentileMicros(100), l.count()));
        System.exit(0);
    }

    private static Phase run(List<RestShopper> shoppers, int lines, int seconds, String label) throws InterruptedException {
        Phase phase = Phase.fresh();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (RestShopper shopper : shoppers) {
            Thread t = new Thread(() -> user(shopper, lines, phase, deadline, label), "vu-" + threads.size());
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join(seconds * 1000L + 120_000);
        }
        return phase;
    }

    private static void user(RestShopper shopper, int lines, Phase phase, long deadline, String label) {
        while (System.nanoTime() < deadline) {
            long start = System.nanoTime();
            try {
                shopper.checkout(lines, phase::record);
                phase.checkouts().record(System.nanoTime() - start);
            } catch (Exception e) {
                if (phase.errors().getAndIncrement() == 0) {
                    System.err.println("checkout failed (" + label + "): " + e);
                }
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
