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
        Files.createDirectories(dir.resolve("load"));
        Files.writeString(dir.resolve("load/load.tsv"), String.join("\n",
                "# load run T; wrk -t2 -c16",
                "load\tfixed-20\t4000.0\t500\t3000\t60000\t0\t3",
                "load\tfloor-20\t1000.0\t2000\t9000\t15000\t0\t3",
                "load\tcalculate-20\t850.0\t2500\t4200\t12750\t0\t3",
                "load\tnode-20\t200.0\t9000\t30000\t3000\t0\t3",
                "load\tfloor-200\t300.0\t9000\t30000\t3000\t0\t3",
                "load\tcalculate-200\t200.0\t9000\t30000\t3000\t0\t3",
                "rss\tmiddleware\tidle-after-start\t102400",
                "checkout\tcheckout-20\t8\t20\t60.0\t1500\t24000\t140000\t310000\t832\t20800\t0",
                "checkout\tcheckout-20-h2\t8\t20\t30.0\t1500\t25000\t140000\t310000\t832\t20800\t0"));
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
                .contains("| Engine REST checkout, 8 users, 20 lines, memory store: ≥ 2 × 28.5 = 57.0 checkouts/s | "
                        + "**60.0 checkouts/s** (2.11 ×) | MET |")
                .contains("| Engine REST checkout, memory store: p99 per request < 25 ms | **24.00 ms** | MET |")
                .contains("| Engine REST checkout, H2 store: ≥ 0.6 × the memory store (same run) | "
                        + "30.0 / 60.0 checkouts/s = **0.50 ×** | **NOT MET** |")
                .contains("| Engine REST checkout, PostgreSQL store: ≥ 0.5 × the memory store (same run) | "
                        + "not measured (PostgreSQL checkout run missing) | — |")
                .contains("| Engine checkout, 1,000 lines ≤ 12 × 100 lines | 130.0 / 10.0 ms = **13.0 ×** | **NOT MET** |")
                .contains("| In-process delivery layer over the dispatcher (20 lines) < 5% | "
                        + "inProcessDelivery 104.0 µs vs dispatcher 100.0 µs: **+4.0%** | MET |")
                .contains("| Whole in-process path over the handler on a parsed event (20 lines) < 5% | "
                        + "inProcessRoundTrip 120.0 µs vs handlerDirect 10.0 µs: **+1100.0%** | **NOT MET** |")
                .contains("| In-process delivery layer over the dispatcher (200 lines) < 5% | "
                        + "not measured (InProcessDeliveryBenchmark missing) | — |")
                .contains("| calculate-20 | 850 | 2.50 | 4.20 | 12750 | 3 | 0.85 | 4.25 | 0.21 |")
                .contains("| checkout-20 | 8 | 60.00 | 1.50 | 24.00 | 140 | 310 | 832 | 20800 |")
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
}
