package io.orderhooks.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;

/**
 * Load part (c): a fixed number of virtual users ({@link RestShopper}), each running whole checkouts back to
 * back over the engine's REST API for a fixed time ({@code LoadServers engine}, which delivers every checkout
 * event over HTTP to the example merchant, {@code LoadServers merchant}). After an unmeasured warm-up it
 * prints one tab-separated line: {@code checkout name users lines checkouts/s requestP50us requestP99us
 * checkoutP50us checkoutP99us checkouts requests errors warmupErrors}: {@code errors} are the measured checkouts
 * that failed, {@code warmupErrors} those of the warm-up (each phase's first failure is also printed to stderr); then
 * per step of a checkout a line {@code step name p50us p99us maxUs requests}. A line {@code measuring} marks the end of
 * the warm-up, a line {@code warmup seconds settled|limit|fixed} before it says how long it lasted and what ended it.
 *
 * <p>Usage: {@code CheckoutLoad <engine base URL> <users> <warm-up s> <measured s> <lines> [<settled file> <longest
 * warm-up s>]}. With the last two the warm-up lasts at least {@code warm-up s} and then until {@code settled file}
 * exists (the harness creates it once the servers' JIT compilers have gone quiet: {@code checkout.sh}), at most
 * {@code longest warm-up s}. Bounded: users stop starting checkouts at the end of a phase, and every request has a
 * 30 s time limit.
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

    /** Checkouts completed so far, warm-up and measured (for the progress lines). */
    private static final AtomicLong COMPLETED = new AtomicLong();

    /**
     * With {@code -Dorderhooks.load.progress=S}, a line {@code progress seconds checkouts checkouts/s} on stderr every S
     * seconds from the start (all phases): how the rate rises over the warm-up and whether it has settled.
     */
    private static void progress(int seconds) {
        long start = System.nanoTime();
        long[] last = {start, 0};
        every(seconds, "checkout-progress", () -> {
            long now = System.nanoTime();
            long done = COMPLETED.get();
            System.err.printf("progress\t%.0f\t%d\t%.1f%n", (now - start) / 1e9, done, (done - last[1]) / ((now - last[0]) / 1e9));
            last[0] = now;
            last[1] = done;
        });
    }

    /** Runs {@code task} every {@code seconds} on a daemon thread of its own, from {@code seconds} after now. */
    private static void every(int seconds, String thread, Runnable task) {
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, thread);
            t.setDaemon(true);
            return t;
        }).scheduleAtFixedRate(task, seconds, seconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static final List<String> STEPS = List.of("create", "line", "estimateshipping", "shipmethods", "calculate", "submit");

    private CheckoutLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5 && args.length != 7) {
            System.err.println("usage: CheckoutLoad <engine base URL> <users> <warm-up s> <measured s> <lines>"
                    + " [<settled file> <longest warm-up s>]");
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
        int progress = Integer.getInteger("orderhooks.load.progress", 0);
        if (progress > 0) {
            progress(progress);
        }
        long warmUpStart = System.nanoTime();
        PhaseEnd warmUpEnd = args.length == 7
                ? PhaseEnd.settled(Integer.parseInt(args[2]), Path.of(args[5]), Integer.parseInt(args[6]))
                : PhaseEnd.after(Integer.parseInt(args[2]));
        Phase warmUp = run(shoppers, lines, warmUpEnd, "warm-up");
        System.out.printf("warmup\t%.1f\t%s%n", (System.nanoTime() - warmUpStart) / 1e9,
                warmUpEnd.settled() ? "settled" : args.length == 7 ? "limit" : "fixed");
        System.out.println("measuring"); // for scripts that sample the servers' CPU over the measured part
        System.out.flush();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        Phase measured = run(shoppers, lines, PhaseEnd.after(Integer.parseInt(args[3])), "measured");
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

    /**
     * When a phase ends: {@link #end} is true from then on (polled by the users between checkouts). A fixed time, or
     * for the warm-up at least {@code minSeconds} and then as soon as {@code file} exists and the checkout rate has
     * stopped rising ({@link RateWatch}), at most {@code maxSeconds}; {@link #settled} tells afterwards whether those
     * two ended it.
     */
    private record PhaseEnd(BooleanSupplier end, AtomicBoolean fileSeen, int longestSeconds) {
        static PhaseEnd after(int seconds) {
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            return new PhaseEnd(() -> System.nanoTime() >= deadline, new AtomicBoolean(), seconds);
        }

        static PhaseEnd settled(int minSeconds, Path file, int maxSeconds) {
            long start = System.nanoTime();
            long earliest = start + minSeconds * 1_000_000_000L;
            long latest = start + Math.max(minSeconds, maxSeconds) * 1_000_000_000L;
            AtomicBoolean seen = new AtomicBoolean();
            AtomicLong nextLook = new AtomicLong(earliest);
            RateWatch rate = RateWatch.start(Integer.getInteger("orderhooks.load.rateWindow", RateWatch.WINDOW_SECONDS));
            return new PhaseEnd(() -> {
                long now = System.nanoTime();
                if (seen.get() || now >= latest) {
                    return true;
                }
                if (now < earliest) {
                    return false;
                }
                long next = nextLook.get();
                // one user looks at the file at most every 200 ms; the others go on until it is seen
                if (now >= next && nextLook.compareAndSet(next, now + 200_000_000L) && Files.exists(file) && rate.steady()) {
                    seen.set(true);
                }
                return seen.get();
            }, seen, Math.max(minSeconds, maxSeconds));
        }

        boolean settled() {
            return fileSeen.get();
        }
    }

    /**
     * Whether the checkout rate has stopped rising: the checkouts completed in the last {@code window} seconds are at
     * most {@value #TOLERANCE_PERCENT} % more than in the {@code window} seconds before (sampled every
     * {@value #SAMPLE_SECONDS} s from the start of the warm-up). The JIT going quiet was the only sign of a warmed
     * row until session 18, when a fresh PostgreSQL row's rate still rose for minutes after it (progress lines per 15 s:
     * ~85/s at 2 min, ~100 at 3, ~115 at 4-5) while the memory store's was flat from ~75 s
     * (docs/PERFORMANCE.md, session 18). A window of 0 turns the check off.
     */
    static final class RateWatch {
        static final int WINDOW_SECONDS = 60;
        static final int TOLERANCE_PERCENT = 3;
        static final int SAMPLE_SECONDS = 5;

        private final int samplesPerWindow;
        private final List<Long> counts = new ArrayList<>(); // COMPLETED at each sample, guarded by this

        private RateWatch(int windowSeconds) {
            this.samplesPerWindow = windowSeconds / SAMPLE_SECONDS;
        }

        static RateWatch start(int windowSeconds) {
            RateWatch w = new RateWatch(windowSeconds);
            if (w.samplesPerWindow > 0) {
                w.sample();
                every(SAMPLE_SECONDS, "checkout-rate", w::sample);
            }
            return w;
        }

        private synchronized void sample() {
            counts.add(COMPLETED.get());
        }

        synchronized boolean steady() {
            if (samplesPerWindow <= 0) {
                return true;
            }
            int n = counts.size();
            if (n < 2 * samplesPerWindow + 1) {
                return false;
            }
            return steady(counts.get(n - 1 - 2 * samplesPerWindow), counts.get(n - 1 - samplesPerWindow), counts.get(n - 1));
        }

        /** Whether {@code last - middle} (the last window's checkouts) is at most the tolerance over {@code middle - first}. */
        static boolean steady(long first, long middle, long last) {
            return (last - middle) * 100 <= (middle - first) * (100 + TOLERANCE_PERCENT);
        }
    }

    private static Phase run(List<RestShopper> shoppers, int lines, PhaseEnd end, String label)
            throws InterruptedException {
        Phase phase = Phase.fresh();
        List<Thread> threads = new ArrayList<>();
        for (RestShopper shopper : shoppers) {
            Thread t = new Thread(() -> user(shopper, lines, phase, end.end(), label), "vu-" + threads.size());
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join(end.longestSeconds() * 1000L + 120_000);
        }
        return phase;
    }

    private static void user(RestShopper shopper, int lines, Phase phase, BooleanSupplier end, String label) {
        while (!end.getAsBoolean()) {
            long start = System.nanoTime();
            try {
                shopper.checkout(lines, phase::record);
                phase.checkouts().record(System.nanoTime() - start);
                COMPLETED.incrementAndGet();
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
