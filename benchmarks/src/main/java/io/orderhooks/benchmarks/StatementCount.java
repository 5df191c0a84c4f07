package io.orderhooks.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.javalin.Javalin;
import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.engine.internal.api.EngineApi;
import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.jdbc.JdbcStore;
import io.orderhooks.engine.internal.store.jdbc.JdbcStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * What one REST checkout asks of a JDBC store, per route: statements, transactions and connection checkouts per
 * request, counted by {@link StatementCounter} around the store's pool (load-insensitive, unlike checkouts/s). One
 * virtual user ({@link RestShopper}) logs in, runs two unmeasured checkouts (or {@link #WARMUP}), then
 * {@code checkouts} measured ones of {@code lines} lines sequentially against the engine's REST API on an in-process
 * {@link BenchEngine} (canned middleware: the store's work only); each request's counts are the counters' change from
 * the previous answer to this one. The CPU time of the request threads, the JIT and the GC over the measured
 * checkouts is {@link ThreadCpu}'s.
 *
 * <p>Also the milliseconds each route waits on the database (statements and commits, timed around each call: for
 * H2 the embedded database's work, for PostgreSQL the round trip), and on PostgreSQL what the server itself reports
 * for the measured checkouts ({@link ServerStats}: {@code pg_stat_statements}, WAL bytes).
 *
 * <p>Usage: {@code StatementCount h2|postgres [checkouts=5] [lines=20] [sql]} ({@code sql} adds each route's
 * statements by SQL text, with their milliseconds, and the statements taking the most time per checkout). Prints
 * averages per request and per checkout.
 */
public final class StatementCount {

    /** The counters {@link #print} shows, in order. */
    static final List<String> COLUMNS = List.of("statements", "verb:SELECT", "verb:INSERT", "verb:UPDATE", "verb:DELETE",
            "commits", "autoCommitStatements", "rollbacks", "savepoints", "connections");

    /**
     * Each route's samples (one map of counter changes per request), routes in the order first seen, and the CPU time
     * this whole process (engine, the embedded H2, the client) used over the measured checkouts.
     */
    record Counts(int lines, Map<String, List<Map<String, Long>>> byRoute, long cpuNanos, ThreadCpu.Reading threads,
            long reruns) {

        /** The average of {@code counter} over {@code route}'s requests. */
        double perRequest(String route, String counter) {
            return byRoute.get(route).stream().mapToLong(s -> s.getOrDefault(counter, 0L)).average().orElse(0);
        }

        /** {@code counter} per checkout: every route's average times its requests per checkout (login excluded). */
        double perCheckout(String counter) {
            double sum = 0;
            for (String route : byRoute.keySet()) {
                int n = route.equals("line add") ? lines : route.startsWith("auth") ? 0 : 1;
                sum += n * perRequest(route, counter);
            }
            return sum;
        }

        /**
         * Round trips to the database per checkout on PostgreSQL: statements (a batch is one), commits and rollbacks
         * (the driver sends a transaction's {@code BEGIN} with its first statement). Savepoints not included.
         */
        double roundTripsPerCheckout() {
            return perCheckout("statements") + perCheckout("commits") + perCheckout("rollbacks");
        }

        /** Transactions per checkout: commits plus statements run in auto-commit (each its own transaction). */
        double transactionsPerCheckout() {
            return perCheckout("commits") + perCheckout("autoCommitStatements");
        }
    }

    /**
     * Unmeasured checkouts before the measured ones ({@code -Dorderhooks.count.warmup}, default 2): a few hundred let
     * the JIT settle, for the request threads' CPU per checkout at steady state.
     */
    static final int WARMUP = Integer.getInteger("orderhooks.count.warmup", 2);

    /**
     * A file to record the measured checkouts to with Java Flight Recorder's "profile" settings and a CPU sample every
     * millisecond ({@code -Dorderhooks.count.jfr}; none by default): exactly the measured part, without the warm-up.
     */
    static final String JFR = System.getProperty("orderhooks.count.jfr");

    /**
     * Whether statements are counted ({@code -Dorderhooks.count.statements=false}: not, so that the CPU figures and a
     * recording hold the store's work without the counting proxies; the counts then print as zeros).
     */
    static final boolean COUNT = !"false".equals(System.getProperty("orderhooks.count.statements"));

    private StatementCount() {}

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "h2";
        int checkouts = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int lines = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        boolean bySql = args.length > 3 && args[3].equals("sql");
        ServerStats server = kind.equals("postgres") ? new ServerStats(checkouts) : null;
        H2Writes writes = kind.equals("postgres") ? null : new H2Writes();
        Counts counts = measure(kind, checkouts, lines, server, writes);
        print(kind, checkouts, counts, bySql);
        if (server != null) {
            server.print();
        }
        if (writes != null) {
            writes.print(checkouts);
        }
        System.exit(0);
    }

    /** Counts {@code checkouts} checkouts of {@code lines} lines on a fresh {@code h2} or embedded {@code postgres} store. */
    static Counts measure(String kind, int checkouts, int lines) throws Exception {
        return measure(kind, checkouts, lines, null, null);
    }

    /**
     * As {@link #measure(String, int, int)}; {@code server} (PostgreSQL only) is reset when the measured checkouts start,
     * and so is {@code writes} (H2 only: the database file's writes).
     */
    static Counts measure(String kind, int checkouts, int lines, ServerStats server, H2Writes writes) throws Exception {
        StatementCounter counter = new StatementCounter();
        EmbeddedPostgres postgres = kind.equals("postgres") ? ServerStats.configure(BenchPostgres.commits(EmbeddedPostgres.builder())).start() : null;
        Path h2Dir = postgres == null ? Files.createTempDirectory("orderhooks-count-") : null;
        Counts counts;
        try (AutoCloseable store = open(postgres, h2Dir, counter)) {
            BenchEngine bench = BenchEngine.seeded(BenchEngine.cannedMiddleware(), "https://middleware.invalid/x", (Store) store);
            EngineApi api = EngineApi.builder(bench.engine()).issuer("http://127.0.0.1").deliveryLog(new InMemoryDeliveryLog()).build();
            Javalin app = api.create();
            app.unsafe.startup.showJavalinBanner = false;
            app.start("127.0.0.1", 0);
            try {
                long[] cpu = new long[1];
                long[] reruns = new long[1];
                ThreadCpu.Reading[] threads = new ThreadCpu.Reading[1];
                Recording[] recording = new Recording[1];
                Runnable measuring = () -> {
                    if (server != null) {
                        server.reset(postgres);
                    }
                    if (writes != null) {
                        writes.reset(h2Dir);
                    }
                    cpu[0] = processCpuNanos();
                    reruns[0] = ((JdbcStore) store).requestReruns();
                    threads[0] = ThreadCpu.read();
                    recording[0] = startRecording();
                };
                Map<String, List<Map<String, Long>>> byRoute = count(counter, "http://127.0.0.1:" + app.port(), checkouts, lines, measuring);
                counts = new Counts(lines, byRoute, processCpuNanos() - cpu[0], ThreadCpu.read().since(threads[0]),
                        ((JdbcStore) store).requestReruns() - reruns[0]);
                if (server != null) {
                    server.measured();
                }
                if (recording[0] != null) {
                    recording[0].dump(Path.of(JFR));
                    recording[0].close();
                }
                if (writes != null) {
                    writes.read(h2Dir);
                }
            } finally {
                app.stop();
            }
            // the pool closes first: its backends exit and report their table counters (live ones lag up to 0.5 s)
        } finally {
            try {
                if (server != null && postgres != null) {
                    server.read(postgres);
                }
            } catch (RuntimeException e) {
                System.err.println(e.getMessage());
            }
            if (postgres != null) {
                postgres.close();
            }
            if (h2Dir != null) {
                deleteFolder(h2Dir); // ~0.4 MiB per checkout: a long run leaves gigabytes otherwise
            }
        }
        return counts;
    }

    /** Deletes an H2 data folder (best effort: a file still held open stays, and is named). */
    static void deleteFolder(Path dir) {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (java.io.IOException e) {
                    System.err.println("could not delete " + p + ": " + e);
                }
            }
        } catch (java.io.IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    /** Starts the {@link #JFR} recording; null when none was asked for. */
    private static Recording startRecording() {
        if (JFR == null) {
            return null;
        }
        try {
            Recording r = new Recording(Configuration.getConfiguration("profile"));
            r.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(1));
            r.start();
            return r;
        } catch (java.io.IOException | java.text.ParseException e) {
            throw new IllegalStateException("cannot start the flight recording", e);
        }
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static AutoCloseable open(EmbeddedPostgres postgres, Path h2Dir, StatementCounter counter) {
        UnaryOperator<DataSource> observe = COUNT ? counter::wrap : UnaryOperator.identity();
        return postgres != null
                ? JdbcStores.postgresql(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 16, observe)
                : JdbcStores.h2(h2Dir, 10, observe);
    }

    private static Map<String, List<Map<String, Long>>> count(StatementCounter counter, String base, int checkouts, int lines,
            Runnable measuring) throws Exception {
        RestShopper shopper = new RestShopper(RestShopper.client(1), base);
        Map<String, List<Map<String, Long>>> byRoute = new LinkedHashMap<>();
        Map<String, Long> beforeLogin = counter.snapshot();
        shopper.login();
        List<Map<String, Long>> login = new ArrayList<>();
        login.add(delta(beforeLogin, counter.snapshot()));
        byRoute.put("auth (password grant)", login);
        for (int i = 0; i < WARMUP; i++) {
            shopper.checkout(lines, n -> { });
        }
        measuring.run();
        List<Map<String, Long>> last = new ArrayList<>(List.of(counter.snapshot()));
        for (int i = 0; i < checkouts; i++) {
            int[] step = {0};
            shopper.checkout(lines, n -> {
                Map<String, Long> now = counter.snapshot();
                byRoute.computeIfAbsent(route(step[0]++, lines), k -> new ArrayList<>()).add(delta(last.get(0), now));
                last.set(0, now);
            });
        }
        return byRoute;
    }

    private static String route(int step, int lines) {
        if (step == 0) {
            return "create order";
        }
        if (step <= lines) {
            return "line add";
        }
        return List.of("estimateshipping", "shipmethods", "calculate", "submit").get(step - lines - 1);
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new TreeMap<>();
        after.forEach((k, v) -> {
            long n = v - before.getOrDefault(k, 0L);
            if (n != 0) {
                d.put(k, n);
            }
        });
        return d;
    }

    private static void print(String kind, int checkouts, Counts counts, boolean bySql) {
        System.out.printf("store %s, %d checkouts of %d lines, averages per request%s%n", kind, checkouts, counts.lines(),
                COUNT ? "" : " (statements not counted: orderhooks.count.statements=false)");
        System.out.printf("%-22s %6s %6s %6s %6s %6s %7s %6s %5s %6s %6s %7s %7s%n", "route", "stmts", "select", "insert", "update",
                "delete", "commits", "autoc", "rollb", "savept", "conns", "db ms", "comm ms");
        for (String route : counts.byRoute().keySet()) {
            StringBuilder row = new StringBuilder(String.format("%-22s", route));
            COLUMNS.forEach(col -> row.append(String.format(" %6.2f", counts.perRequest(route, col))));
            row.append(String.format(" %7.3f %7.3f", dbMillis(counts.perRequest(route, "us:statements"), counts.perRequest(route, "us:commits")),
                    counts.perRequest(route, "us:commits") / 1000));
            System.out.println(row);
        }
        StringBuilder total = new StringBuilder(String.format("%-22s", "per checkout"));
        COLUMNS.forEach(col -> total.append(String.format(" %6.1f", counts.perCheckout(col))));
        total.append(String.format(" %7.1f %7.1f", dbMillis(counts.perCheckout("us:statements"), counts.perCheckout("us:commits")),
                counts.perCheckout("us:commits") / 1000));
        System.out.println(total);
        System.out.printf("transactions per checkout (commits + auto-commit statements): %.1f%n", counts.transactionsPerCheckout());
        System.out.printf("round trips per checkout (statements + commits + rollbacks): %.1f%n", counts.roundTripsPerCheckout());
        System.out.printf("requests run again because the table versions they assumed had changed: %d in %d checkouts%n",
                counts.reruns(), checkouts);
        System.out.printf("text bound to statements (JSON documents and keys) per checkout: %.1f KiB; per line add: %.2f KiB%n",
                counts.perCheckout("charsBound") / 1024, counts.perRequest("line add", "charsBound") / 1024);
        System.out.printf("calling threads' CPU per checkout inside statements / commits: %.2f / %.2f ms%n",
                counts.perCheckout("cpu:statements") / 1000, counts.perCheckout("cpu:commits") / 1000);
        System.out.printf("process CPU per checkout (engine%s, client, counting; JIT included): %.1f ms%n",
                kind.equals("postgres") ? "" : ", H2", counts.cpuNanos() / 1e6 / checkouts);
        System.out.printf("of it per checkout: request threads %.2f ms, JIT compiler threads %.2f ms, GC threads %.2f ms "
                        + "(after %d unmeasured checkouts)%n", counts.threads().requests() / 1e6 / checkouts,
                counts.threads().jit() / 1e6 / checkouts, counts.threads().gc() / 1e6 / checkouts, WARMUP);
        if (bySql) {
            printBySql(counts);
        }
    }

    /** Milliseconds waited on the database: statements plus commits (counters in microseconds). */
    static double dbMillis(double statementMicros, double commitMicros) {
        return (statementMicros + commitMicros) / 1000;
    }

    /** Each route's statements (count and milliseconds per request), then the 15 taking the most time per checkout. */
    private static void printBySql(Counts counts) {
        Map<String, Double> perCheckout = new TreeMap<>();
        counts.byRoute().forEach((route, samples) -> {
            System.out.println("== " + route + "  (per request: count, ms)");
            int n = route.equals("line add") ? counts.lines() : route.startsWith("auth") ? 0 : 1;
            Map<String, Double> sql = new TreeMap<>();
            samples.forEach(s -> s.forEach((k, v) -> {
                if (k.startsWith("sql:") || k.startsWith("us:sql:")) {
                    sql.merge(k, v / (double) samples.size(), Double::sum);
                }
            }));
            sql.forEach((k, v) -> {
                if (k.startsWith("sql:")) {
                    double micros = sql.getOrDefault("us:" + k, 0.0);
                    System.out.printf("  %6.2f %8.3f  %s%n", v, micros / 1000, k.substring(4));
                    perCheckout.merge(k.substring(4), n * micros / 1000, Double::sum);
                }
            });
        });
        System.out.println("== top statements by database milliseconds per checkout");
        perCheckout.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(15)
                .forEach(e -> System.out.printf("  %8.2f  %s%n", e.getValue(), e.getKey()));
    }
}
