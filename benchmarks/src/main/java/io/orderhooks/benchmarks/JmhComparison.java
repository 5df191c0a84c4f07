package io.orderhooks.benchmarks;

import java.util.Locale;
import java.util.Optional;

/**
 * The "JMH before / after" section: every benchmark of {@code jmh-before.json} (the same suite built from an
 * earlier commit, run in the same session with the same settings) next to this run's score at the same
 * parameters, with after ÷ before and whether the difference exceeds the two scores' combined 99.9% error.
 */
final class JmhComparison {

    private JmhComparison() {}

    static void write(StringBuilder md, Optional<JmhResults> before, Optional<JmhResults> after, String beforeLabel) {
        if (before.isEmpty() || after.isEmpty()) {
            return;
        }
        md.append("## JMH before / after\n\n");
        md.append("Before: ").append(beforeLabel).append(". Lower is better (time per operation); \"beyond noise\" when "
                + "|after − before| exceeds the sum of both 99.9% errors.\n\n");
        md.append("| benchmark | params | before | after | unit | after ÷ before | beyond noise |\n");
        md.append("|---|---|---:|---:|---|---:|---|\n");
        for (JmhResults.Row b : before.get().rows()) {
            Optional<JmhResults.Row> a = after.get().rows().stream()
                    .filter(r -> r.shortName().equals(b.shortName()) && r.params().entrySet().containsAll(b.params().entrySet()))
                    .findFirst();
            if (a.isEmpty()) {
                continue;
            }
            double ratio = a.get().score() / b.score();
            boolean beyond = Math.abs(a.get().score() - b.score()) > a.get().error() + b.error();
            md.append(String.format(Locale.ROOT, "| %s | %s | %.4g | %.4g | %s | %.2f | %s |%n", b.shortName(), b.paramText(),
                    b.score(), a.get().score(), b.unit(), ratio, beyond ? (ratio < 1 ? "faster" : "**slower**") : "no"));
        }
        md.append('\n');
    }
}
