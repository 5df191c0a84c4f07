package io.orderhooks.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** The "Targets" section of the results: each of issue #12's targets with the measured figure and MET / NOT MET. */
final class TargetSection {

    private static final String ENGINE = "EngineCheckoutBenchmark.checkout";
    private static final String DELIVERY = "InProcessDeliveryBenchmark.";
    private static final String DISPATCHER = "DispatcherBenchmark.signedOrderCalculate";

    private final StringBuilder md;
    private final Optional<JmhResults> jmh;
    private final List<String[]> load;

    TargetSection(StringBuilder md, Optional<JmhResults> jmh, List<String[]> load) {
        this.md = md;
        this.jmh = jmh;
        this.load = load;
    }

    void write() {
        md.append("## Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
        OptionalDouble floor = rps("floor-20");
        OptionalDouble calculate = rps("calculate-20");
        if (floor.isPresent() && calculate.isPresent()) {
            double ratio = calculate.getAsDouble() / floor.getAsDouble();
            row("Signed `/ordercalculate`, 20 lines: ≥ 0.8 × the floor's req/s (same run)",
                    fmt("%.0f / %.0f req/s = **%.2f ×**", calculate.getAsDouble(), floor.getAsDouble(), ratio), ratio >= 0.8);
        } else {
            missing("Signed `/ordercalculate`, 20 lines: ≥ 0.8 × the floor", "load run");
        }
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

    private OptionalDouble rps(String run) {
        return load.stream().filter(r -> r[0].equals("load") && r[1].equals(run))
                .mapToDouble(r -> Double.parseDouble(r[2])).findFirst();
    }

    private void row(String target, String measured, boolean met) {
        md.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "MET" : "**NOT MET**").append(" |\n");
    }

    private void missing(String target, String what) {
        md.append("| ").append(target).append(" | not measured (").append(what).append(" missing) | — |\n");
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
