package io.orderhooks.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The "Targets" section of the results: each target (issues #12 and #22) with the measured figure and MET / NOT
 * MET, or "not measured" when its input is missing. Ratio targets compare rows of one run; an absolute target
 * (a p99, a rate without a same-run baseline) states the machine's load average at the start of its run and is
 * "not judged" when that load reached the number of cores (other work was competing for the CPUs).
 */
final class TargetSection {

    private static final String ENGINE = "EngineCheckoutBenchmark.checkout";
    private static final String DELIVERY = "InProcessDeliveryBenchmark.";
    private static final String DISPATCHER = "DispatcherBenchmark.signedOrderCalculate";

    private final StringBuilder md;
    private final Optional<JmhResults> jmh;
    private final List<String[]> load;
    private final List<String[]> checkouts;

    /**
     * @param load the receiver rows' load.tsv lines
     * @param checkouts the checkout rows' load.tsv lines (the same list when one run.sh run measured both)
     */
    TargetSection(StringBuilder md, Optional<JmhResults> jmh, List<String[]> load, List<String[]> checkouts) {
        this.md = md;
        this.jmh = jmh;
        this.load = load;
        this.checkouts = checkouts;
    }

    void write() {
        md.append("## Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
        loadRatio("Signed `/ordercalculate`, 20 lines: ≥ 0.8 × the parse floor's req/s (same run)", "calculate-20",
                "floor-20", 0.8);
        loadRatio("Signed `/ordercalculate`, 20 lines: ≥ 5 × the Node peer's req/s (same run)", "calculate-20",
                "node-20", 5);
        OptionalDouble p99 = column("calculate-20", 4);
        if (p99.isPresent()) {
            absolute("Signed `/ordercalculate`, 20 lines: p99 < 5 ms at the harness's connections",
                    fmt("**%.2f ms**", p99.getAsDouble() / 1000), p99.getAsDouble() < 5000, load);
        } else {
            missing("Signed `/ordercalculate`, 20 lines: p99 < 5 ms", "load run");
        }
        loadRatio("Signed `/ordercalculate`, 200 lines: ≥ 0.7 × the parse floor at 200 lines", "calculate-200",
                "floor-200", 0.7);
        new CheckoutTargets(this, checkouts).write();
        OptionalDouble n100 = score(ENGINE, "lines", "100");
        OptionalDouble n1000 = score(ENGINE, "lines", "1000");
        if (n100.isPresent() && n1000.isPresent()) {
            double ratio = n1000.getAsDouble() / n100.getAsDouble();
            row("Engine checkout, 1,000 lines ≤ 12 × 100 lines",
                    fmt("%.1f / %.1f ms = **%.1f ×**", n1000.getAsDouble(), n100.getAsDouble(), ratio), ratio <= 12);
        } else {
            missing("Engine checkout, 1,000 lines ≤ 12 × 100 lines", "EngineCheckoutBenchmark");
        }
        for (String lines : new String[] {"20", "200"}) {
            overhead("In-process delivery layer over the dispatcher (" + lines + " lines) < 5%",
                    "inProcessDelivery", "dispatcher", lines);
            overhead("Whole in-process path over the handler on a parsed event (" + lines + " lines) < 5%",
                    "inProcessRoundTrip", "handlerDirect", lines);
        }
        for (String lines : new String[] {"20", "200"}) {
            metricsOverhead(lines);
        }
        md.append("\nThe in-process rows are defined in PERFORMANCE.md (\"What the in-process target means\").\n\n");
    }

    private void overhead(String target, String path, String baseline, String lines) {
        OptionalDouble measured = score(DELIVERY + path, "lines", lines);
        OptionalDouble base = score(DELIVERY + baseline, "lines", lines);
        if (measured.isEmpty() || base.isEmpty()) {
            missing(target, "InProcessDeliveryBenchmark");
            return;
        }
        double added = measured.getAsDouble() / base.getAsDouble() - 1;
        row(target, fmt("%s %.1f µs vs %s %.1f µs: **%+.1f%%**", path, measured.getAsDouble(), baseline,
                base.getAsDouble(), added * 100), added < 0.05);
    }

    /** Issue #19: Micrometer metrics on the signed {@code /ordercalculate} path add less than 3%. */
    private void metricsOverhead(String lines) {
        String target = "Metrics (Micrometer observer) on signed `/ordercalculate` (" + lines + " lines) < 3%";
        Optional<JmhResults.Row> with = jmh.flatMap(j -> j.find(DISPATCHER, java.util.Map.of("lines", lines, "observer", "micrometer")));
        Optional<JmhResults.Row> without = jmh.flatMap(j -> j.find(DISPATCHER, java.util.Map.of("lines", lines, "observer", "none")));
        if (with.isEmpty() || without.isEmpty()) {
            missing(target, "DispatcherBenchmark");
            return;
        }
        double added = with.get().score() / without.get().score() - 1;
        row(target, fmt("%.1f µs vs %.1f µs: **%+.1f%%**", with.get().score(), without.get().score(), added * 100),
                added < 0.03);
    }

    private OptionalDouble score(String name, String param, String value) {
        return jmh.flatMap(j -> j.find(name, param, value)).map(r -> OptionalDouble.of(r.score())).orElse(OptionalDouble.empty());
    }

    private void loadRatio(String target, String run, String base, double atLeast) {
        OptionalDouble measured = column(run, 2);
        OptionalDouble baseline = column(base, 2);
        if (measured.isEmpty() || baseline.isEmpty()) {
            missing(target, "load run");
            return;
        }
        double ratio = measured.getAsDouble() / baseline.getAsDouble();
        String text = fmt("%.0f / %.0f req/s = **%.2f ×**", measured.getAsDouble(), baseline.getAsDouble(), ratio)
                + startLoadNote(load);
        double failed = column(run, 6).orElse(0) + column(base, 6).orElse(0);
        if (failed > 0) {
            md.append("| ").append(target).append(" | ").append(text).append(fmt("; %.0f failed requests", failed))
                    .append(" | not judged (failed requests) |\n");
            return;
        }
        row(target, text, ratio >= atLeast);
    }

    /** Column {@code index} of the median "load" row {@code run} of load.tsv (2 req/s, 3 p50 µs, 4 p99 µs). */
    private OptionalDouble column(String run, int index) {
        return load.stream().filter(r -> r[0].equals("load") && r[1].equals(run))
                .mapToDouble(r -> Double.parseDouble(r[index])).findFirst();
    }

    /**
     * A target judged by an absolute figure: MET / NOT MET with the load average at the start of its run, or "not
     * judged" when that load reached the machine's cores.
     */
    void absolute(String target, String measured, boolean met, List<String[]> run) {
        OptionalDouble start = startLoad(run);
        if (start.isPresent() && start.getAsDouble() >= Runtime.getRuntime().availableProcessors()) {
            md.append("| ").append(target).append(" | ").append(measured).append(startLoadNote(run))
                    .append(" | not judged (machine loaded) |\n");
            return;
        }
        row(target, measured + startLoadNote(run), met);
    }

    /** The 1-minute load average when the run of these load.tsv lines started. */
    static OptionalDouble startLoad(List<String[]> run) {
        return run.stream().filter(r -> r[0].equals("loadavg") && r[1].equals("start") && r.length > 2)
                .mapToDouble(r -> Double.parseDouble(r[2].split(" ")[0])).findFirst();
    }

    static String startLoadNote(List<String[]> run) {
        OptionalDouble start = startLoad(run);
        return start.isPresent() ? fmt(" (load avg %.2f at start)", start.getAsDouble()) : "";
    }

    /** "The 1-minute load average at the start of this run: X." or nothing when the lines do not say. */
    static String startLoadSentence(List<String[]> run) {
        OptionalDouble start = startLoad(run);
        return start.isPresent() ? fmt("The 1-minute load average at the start of this run: %.2f.", start.getAsDouble()) : "";
    }

    void row(String target, String measured, boolean met) {
        md.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "MET" : "**NOT MET**").append(" |\n");
    }

    void missing(String target, String what) {
        md.append("| ").append(target).append(" | not measured (").append(what).append(" missing) | — |\n");
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
