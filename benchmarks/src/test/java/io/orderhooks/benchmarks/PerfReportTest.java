package io.orderhooks.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerfReportTest {

    @TempDir
    Path dir;

    private static String jmh(String benchmark, String param, String value, double score, String unit) {
        return "{\"benchmark\":\"io.orderhooks.benchmarks." + benchmark + "\",\"mode\":\"avgt\",\"params\":{\"" + param
                + "\":\"" + value + "\"},\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":0.5,\"scoreUnit\":\"" + unit + "\"}}";
    }

    /** Writes {@code lines} to {@code file} below the results folder, creating its folder. */
    private void write(String file, String... lines) throws Exception {
        Files.createDirectories(dir.resolve(file).getParent());
        Files.writeString(dir.resolve(file), String.join("\n", lines));
    }

    private String report() throws Exception {
        Path out = dir.resolve("perf-results.md");
        PerfReport.main(new String[] {dir.toString(), out.toString()});
        return Files.readString(out);
    }

    @Test
    void judgesEveryTargetFromTheMeasuredFigures() throws Exception {
        Files.writeString(dir.resolve("machine.txt"), "cpu: Test CPU\nnproc: 2");
        Files.writeString(dir.resolve("jmh.json"), "[" + String.join(",",
                jmh("EngineCheckoutBenchmark.checkout", "lines", "100", 10.0, "ms/op"),
                jmh("EngineCheckoutBenchmark.checkout", "lines", "1000", 130.0, "ms/op"),
                jmh("InProcessDeliveryBenchmark.dispatcher", "lines", "20", 100.0, "us/op"),
                jmh("InProcessDeliveryBenchmark.inProcessDelivery", "lines", "20", 104.0, "us/op"),
                jmh("InProcessDeliveryBenchmark.handlerDirect", "lines", "20", 10.0, "us/op"),
                jmh("InProcessDeliveryBenchmark.inProcessRoundTrip", "lines", "20", 120.0, "us/op")) + "]");
        write("load/load.tsv",
                "# load run T; wrk -t2 -c16",
                "load\tfixed-20\t4000.0\t500\t3000\t60000\t0\t3",
                "load\tfloor-20\t1000.0\t2000\t9000\t15000\t0\t3",
                "load\tcalculate-20\t850.0\t2500\t4200\t12750\t0\t3",
                "load\tnode-20\t200.0\t9000\t30000\t3000\t0\t3",
                "load\tfloor-200\t300.0\t9000\t30000\t3000\t0\t3",
                "load\tcalculate-200\t200.0\t9000\t30000\t3000\t0\t3",
                "rss\tmiddleware\tidle-after-start\t102400",
                "checkout\tcheckout-20\t8\t20\t60.0\t1500\t24000\t140000\t310000\t832\t20800\t0",
                "checkout-step\tcheckout-20\tsubmit\t22396\t65235.5\t78143\t599",
                "checkout\tcheckout-20-h2\t8\t20\t30.0\t1500\t25000\t140000\t310000\t832\t20800\t0");
        Files.writeString(dir.resolve("memory.tsv"), "heap\t10000\t10\t1048576\t105906176\t10485\t100.0\n");

        String md = report();

        assertThat(md).contains("cpu: Test CPU\nnproc: 2")
                .contains("| Signed `/ordercalculate`, 20 lines: ≥ 0.8 × the parse floor's req/s (same run) | "
                        + "850 / 1000 req/s = **0.85 ×** | MET |")
                .contains("| Signed `/ordercalculate`, 20 lines: ≥ 5 × the Node peer's req/s (same run) | "
                        + "850 / 200 req/s = **4.25 ×** | **NOT MET** |")
                .contains("| Signed `/ordercalculate`, 20 lines: p99 < 5 ms at the harness's connections | **4.20 ms** | MET |")
                .contains("| Signed `/ordercalculate`, 200 lines: ≥ 0.7 × the parse floor at 200 lines | "
                        + "200 / 300 req/s = **0.67 ×** | **NOT MET** |")
                .contains("| Engine REST checkout, 8 users, 20 lines, memory store: ≥ 2 × the checkouts/s before #22 | "
                        + "**60.0 checkouts/s** = 2.11 × the issue's 28.5/s (another run; median of 1 round) | MET |")
                .contains("| Engine REST checkout, memory store: p99 per request < 25 ms | **24.00 ms** | MET |")
                .contains("| Engine REST checkout, H2 store: ≥ 0.6 × the memory store (same run) | "
                        + "30.0 / 60.0 checkouts/s = **0.50 ×** (median of 1 round) | **NOT MET** |")
                .contains("| Engine REST checkout, PostgreSQL store: ≥ 0.5 × the memory store (same run) | "
                        + "not measured (PostgreSQL checkout run missing) | — |")
                .contains("| Engine checkout, 1,000 lines ≤ 12 × 100 lines | 130.0 / 10.0 ms = **13.0 ×** | **NOT MET** |")
                .contains("| In-process delivery layer over the dispatcher (20 lines) < 5% | "
                        + "inProcessDelivery 104.0 µs vs dispatcher 100.0 µs: **+4.0%** | MET |")
                .contains("| Whole in-process path over the handler on a parsed event (20 lines) < 5% | "
                        + "inProcessRoundTrip 120.0 µs vs handlerDirect 10.0 µs: **+1100.0%** | **NOT MET** |")
                .contains("| In-process delivery layer over the dispatcher (200 lines) < 5% | "
                        + "not measured (InProcessDeliveryBenchmark missing) | — |")
                .contains("| calculate-20 | 850 | 2.50 | 4.20 | 12750 | 3 | - / 0 | 0.85 | 4.25 | 0.21 |")
                .contains("| run | request | p50 ms | p99 ms | max ms | requests |\n|---|---|---:|---:|---:|---:|\n"
                        + "| checkout-20 | submit | 22.40 | 65.24 | 78.14 | 599 |")
                .contains("| checkout-20 | 8 | 60.00 | 1.50 | 24.00 | 140 | 310 | 832 | 20800 | 1 | - / 0 |")
                .contains("| middleware | idle-after-start | 100 |")
                .contains("Engine heap: **100.0 MiB per 10,000 orders of 10 lines**");
    }

    @Test
    void comparesEachBenchmarkOfTheBeforeRunWithThisRunAndSaysWhetherTheDifferenceIsBeyondNoise() throws Exception {
        Files.writeString(dir.resolve("jmh.json"), "[" + String.join(",",
                jmh("DispatcherBenchmark.signedOrderCalculate", "lines", "20", 100.0, "us/op"),
                jmh("WorksheetJsonBenchmark.parse", "lines", "20", 50.2, "us/op"),
                jmh("SignatureBenchmark.sign", "bodyBytes", "256", 0.5, "us/op")) + "]");
        Files.writeString(dir.resolve("jmh-before.json"), "[" + String.join(",",
                jmh("DispatcherBenchmark.signedOrderCalculate", "lines", "20", 200.0, "us/op"),
                jmh("WorksheetJsonBenchmark.parse", "lines", "20", 50.0, "us/op")) + "]");
        Files.writeString(dir.resolve("jmh-before.txt"), "commit abc1234\n");

        String md = report();

        assertThat(md).contains("## JMH before / after\n\nBefore: commit abc1234.")
                .contains("| DispatcherBenchmark.signedOrderCalculate | lines=20 | 200.0 | 100.0 | us/op | 0.50 | faster |")
                .contains("| WorksheetJsonBenchmark.parse | lines=20 | 50.00 | 50.20 | us/op | 1.00 | no |");
        assertThat(md.substring(md.indexOf("## JMH before / after"))).doesNotContain("SignatureBenchmark");
    }

    @Test
    void saysWhatWasNotMeasuredInsteadOfInventingFigures() throws Exception {
        String md = report();
        assertThat(md).contains("machine.txt missing")
                .contains("| Signed `/ordercalculate`, 20 lines: ≥ 0.8 × the parse floor's req/s (same run) | not measured (load run missing) | — |")
                .contains("_Not measured: jmh.json is missing._")
                .contains("_Not measured: load.tsv is missing or empty._")
                .contains("_Engine heap not measured._")
                .contains("_Not measured: orderlist.tsv is missing or empty._");
    }

    @Test
    void reportsTheDurableStoresListQueriesStartTimesAndSeeding() throws Exception {
        Files.writeString(dir.resolve("orderlist.tsv"), String.join("\n",
                "seed\tpostgresql\t1000000\t340.6",
                "orderlist\tpostgresql\t1000000\tseller: Status=Open|Completed\t12500\t48000\t300",
                "start\th2\t100000\t2150",
                "writecost\tpostgresql\tindexes on orders\t2\torders_pkey, orders_by_seq",
                "writecost\tpostgresql\torder_counts rows per create / per status change\t2.0\t4.0"));

        String md = report();

        assertThat(md).contains("| postgresql | 1000000 | seller: Status=Open\\|Completed | 12.50 | 48.00 | 300 |")
                .contains("| h2 | 100000 | 2150 |")
                .contains("Seeding (batch inserts of 1,000 rows): postgresql 1000000 orders in 340.6 s;")
                .contains("Write cost, postgresql, indexes on orders: 2 / orders_pkey, orders_by_seq")
                .contains("Write cost, postgresql, order_counts rows per create / per status change: 2.0 / 4.0");
    }

    @Test
    void judgesTheCheckoutRateByTheBeforeRowOfTheSameRunAndStatesTheLoad() throws Exception {
        write("checkout/load.tsv",
                "# load run T",
                "loadavg\tstart\t0.40 0.90 1.10",
                "checkout\tcheckout-20-before\t8\t20\t35.0\t1500\t30000\t140000\t310000\t600\t15000\t0\t-\t3",
                "checkout\tcheckout-20\t8\t20\t80.0\t1000\t20000\t100000\t200000\t900\t20000\t0\t0\t3",
                "checkout\tcheckout-20-postgres\t8\t20\t44.0\t1000\t20000\t100000\t200000\t500\t11000\t2\t1\t3");

        String md = report();

        assertThat(md).contains("| Engine REST checkout, 8 users, 20 lines, memory store: ≥ 2 × the checkouts/s before #22 | "
                        + "80.0 / 35.0 checkouts/s before = **2.29 ×** (same run, median of 3 rounds; 2.81 × the issue's "
                        + "28.5/s) (load avg 0.40 at start) | MET |")
                .contains("| Engine REST checkout, memory store: p99 per request < 25 ms | **20.00 ms** (load avg 0.40 at start) | MET |")
                .contains("| Engine REST checkout, PostgreSQL store: ≥ 0.5 × the memory store (same run) | "
                        + "44.0 / 80.0 checkouts/s = **0.55 ×** (median of 3 rounds) (load avg 0.40 at start); 2 failed checkouts | MET |")
                .contains("| checkout-20-postgres | 8 | 44.00 | 1.00 | 20.00 | 100 | 200 | 500 | 11000 | 3 | 1 / 2 |")
                .contains("The 1-minute load average at the start of this run: 0.40.");
    }

    @Test
    void showsEachCheckoutRowsWarmUpAndCpuPerCheckoutWithItsJitPart() throws Exception {
        write("checkout/load.tsv",
                "# load run T",
                "checkout\tcheckout-20\t8\t20\t80.0\t1000\t20000\t100000\t200000\t900\t20000\t0\t0\t3",
                "checkout\tcheckout-20-h2\t8\t20\t60.0\t1000\t20000\t100000\t200000\t700\t17500\t0\t0\t3",
                "checkout-warmup\tcheckout-20\t75.2\t3\t3",
                "checkout-warmup\tcheckout-20-h2\t240.1\t1\t3",
                "checkout-cpu\tcheckout-20\t8.10\t4.20\t3.30\t2100.5\t300.0\t0.20\t0.05",
                "checkout-cpu\tcheckout-20-h2\t14.00\t4.00\t3.50\t900.0\t280.0\t1.10\t0.02\t-",
                "checkout-cpu\tcheckout-20-postgres\t20.00\t5.00\t4.50\t700.0\t250.0\t0.50\t0.03\t17.25");

        String md = report();

        assertThat(md).contains("| run | warm-up s | rounds settled (JIT quiet, rate flat) | CPU ms engine / merchant / driver "
                        + "| of it JIT ms engine / merchant | PostgreSQL server CPU ms | GC pause ms engine / merchant |")
                .contains("| checkout-20 | 75.2 | 3 of 3 | 8.10 / 4.20 / 3.30 | 0.20 / 0.05 | - | 2100.5 / 300.0 |")
                .contains("| checkout-20-h2 | 240.1 | 1 of 3 | 14.00 / 4.00 / 3.50 | 1.10 / 0.02 | - | 900.0 / 280.0 |")
                .contains("| checkout-20-postgres | - | - | 20.00 / 5.00 / 4.50 | 0.50 / 0.03 | 17.25 | 700.0 / 250.0 |");
    }

    @Test
    void showsTheCheckoutRunsSettingsUnderItsHeading() throws Exception {
        write("checkout/load.tsv",
                "# load run T; checkout: 8 users, 20 lines, 3 rounds of 60s warm-up + 30s, durable stores holding 100000 orders first",
                "checkout\tcheckout-20\t8\t20\t80.0\t1000\t20000\t100000\t200000\t900\t20000\t0\t0\t3");

        String md = report();

        assertThat(md).contains("## Checkout over the engine's REST API (merchant middleware on loopback)\n\n"
                + "`load run T; checkout: 8 users, 20 lines, 3 rounds of 60s warm-up + 30s, durable stores holding 100000 "
                + "orders first`\n\n| run |");
    }

    @Test
    void doesNotJudgeAnAbsoluteTargetOfARunThatStartedOnALoadedMachine() throws Exception {
        write("checkout/load.tsv",
                "loadavg\tstart\t500.00 120.00 9.00",
                "checkout\tcheckout-20\t8\t20\t2.1\t1000\t90000\t100000\t200000\t21\t500\t0\t0\t3");

        String md = report();

        assertThat(md).contains("| Engine REST checkout, 8 users, 20 lines, memory store: ≥ 2 × the checkouts/s before #22 | "
                        + "**2.1 checkouts/s** = 0.07 × the issue's 28.5/s (another run; median of 3 rounds) (load avg 500.00 at "
                        + "start) | not judged (machine loaded) |")
                .contains("| Engine REST checkout, memory store: p99 per request < 25 ms | **90.00 ms** (load avg 500.00 at start) "
                        + "| not judged (machine loaded) |");
    }

    @Test
    void listsFailedRequestsWithTheFirstAnswerOfEachStatusAndDoesNotJudgeARatioOverThem() throws Exception {
        write("load/load.tsv",
                "warmup\tfloor-200\t900.0\t9000\t30000\t27000\t3\t3\t0\t0\t0\t0",
                "status\tfloor-200\twarmup\t500\t3",
                "sample\tfloor-200\twarmup\t500\tapplication/json {\"Errors\":[{\"ErrorCode\":\"InternalServerError\"}]}",
                "round\tcalculate-200\t1\t200.0\t9000\t30000\t2000\t2\t0\t0\t0\t0\t2",
                "load\tfloor-200\t300.0\t9000\t30000\t3000\t0\t3\t3",
                "load\tcalculate-200\t250.0\t9000\t30000\t3000\t2\t3\t0",
                "fail\tnode-200\t2\twrk gave no result");

        String md = report();

        assertThat(md).contains("| floor-200 | warmup | 500 × 3 | `application/json {\"Errors\":[{\"ErrorCode\":\"InternalServerError\"}]}` |")
                .contains("| calculate-200 | round 1 | 2 socket errors | connect 0, read 0, write 0, timeout 2 |")
                .contains("| node-200 | 2 | no figure | wrk gave no result |")
                .contains("| floor-200 | 300 | 9.00 | 30.00 | 3000 | 3 | 3 / 0 |")
                .contains("| Signed `/ordercalculate`, 200 lines: ≥ 0.7 × the parse floor at 200 lines | 250 / 300 req/s = "
                        + "**0.83 ×**; 2 failed requests | not judged (failed requests) |");
    }

    @Test
    void putsTogetherPerClassJmhRunsAndSaysWhenEachPartRanAndHowLongItTook() throws Exception {
        Files.createDirectories(dir.resolve("jmh"));
        Files.writeString(dir.resolve("jmh/after-SignatureBenchmark.json"), "[" + jmh("SignatureBenchmark.sign", "bodyBytes", "256", 0.5, "us/op") + "]");
        Files.writeString(dir.resolve("jmh/after-WorksheetJsonBenchmark.json"), "[" + jmh("WorksheetJsonBenchmark.parse", "lines", "20", 50.0, "us/op") + "]");
        Files.writeString(dir.resolve("jmh/before-WorksheetJsonBenchmark.json"), "[" + jmh("WorksheetJsonBenchmark.parse", "lines", "20", 100.0, "us/op") + "]");
        write("parts.tsv",
                "jmh\t2026-12-05T16:00:00Z\t2026-12-05T16:16:40Z\t1000\t0.10 0.20 0.30\t1.90 1.80 1.20\tabc1234\tmain-22acc02\tok",
                "heap\t2026-12-05T17:00:00Z\t2026-12-05T17:00:50Z\t50\t0.50 0.40 0.30\t0.90 0.50 0.30\tabc1234\t-\tok");

        String md = report();

        assertThat(md).contains("| jmh | 2026-12-05T16:00:00Z | 16 min 40 s | 0.10 0.20 0.30 | 1.90 1.80 1.20 | abc1234 | main-22acc02 | ok |")
                .contains("All parts together: 17 min 30 s.")
                .contains("| SignatureBenchmark.sign | bodyBytes=256 | 0.500 | 0.500 | us/op |")
                .contains("| WorksheetJsonBenchmark.parse | lines=20 | 100.0 | 50.00 | us/op | 0.50 | faster |");
    }

    @Test
    void keepsTheHandWrittenNotesOfThePreviousFileWhenItRewritesIt() throws Exception {
        Files.writeString(dir.resolve("perf-results.md"), "# old generated part\n\n" + PerfReport.NOTES_MARKER
                + "\n\n## Load harness, earlier\n\nnotes\n");

        String md = report();

        assertThat(md).startsWith("# Performance results").doesNotContain("# old generated part")
                .endsWith(PerfReport.NOTES_MARKER + "\n\n## Load harness, earlier\n\nnotes\n");
    }
}
