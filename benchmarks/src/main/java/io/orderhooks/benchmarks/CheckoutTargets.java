package io.orderhooks.benchmarks;

import java.util.List;
import java.util.Optional;

/**
 * The engine REST checkout targets of issue #22, judged from the "checkout" rows of load.tsv: the in-memory run
 * at ≥ 2 × the 28.5 checkouts/s measured before (8 users, 20 lines) with p99 per request < 25 ms, and the durable
 * stores against the in-memory run of the same harness run: H2 ≥ 0.6 ×, PostgreSQL ≥ 0.5 ×.
 */
final class CheckoutTargets {

    /** Checkouts per second of the REST checkout run before issue #22 (8 users, 20 lines, memory store). */
    static final double BEFORE = 28.5;

    private final TargetSection section;
    private final List<String[]> load;

    CheckoutTargets(TargetSection section, List<String[]> load) {
        this.section = section;
        this.load = load;
    }

    void write() {
        Optional<String[]> memory = row("memory");
        if (memory.isEmpty()) {
            section.missing("Engine REST checkout (memory store): ≥ 2 × " + BEFORE + " checkouts/s", "checkout run");
            return;
        }
        double rate = Double.parseDouble(memory.get()[4]);
        section.row("Engine REST checkout, " + memory.get()[2] + " users, " + memory.get()[3]
                + " lines, memory store: ≥ 2 × " + BEFORE + " = " + 2 * BEFORE + " checkouts/s",
                TargetSection.fmt("**%.1f checkouts/s** (%.2f ×)", rate, rate / BEFORE), rate >= 2 * BEFORE);
        double p99 = Double.parseDouble(memory.get()[6]) / 1000;
        section.row("Engine REST checkout, memory store: p99 per request < 25 ms", TargetSection.fmt("**%.2f ms**", p99),
                p99 < 25);
        store("h2", "H2", 0.6, rate);
        store("postgres", "PostgreSQL", 0.5, rate);
    }

    private void store(String name, String label, double atLeast, double memoryRate) {
        String target = "Engine REST checkout, " + label + " store: ≥ " + atLeast + " × the memory store (same run)";
        Optional<String[]> row = row(name);
        if (row.isEmpty()) {
            section.missing(target, label + " checkout run");
            return;
        }
        double rate = Double.parseDouble(row.get()[4]);
        section.row(target, TargetSection.fmt("%.1f / %.1f checkouts/s = **%.2f ×**", rate, memoryRate, rate / memoryRate),
                rate / memoryRate >= atLeast);
    }

    /** The checkout row of {@code store}: named {@code checkout-<lines>-<store>}, or {@code checkout-<lines>} for memory. */
    private Optional<String[]> row(String store) {
        return load.stream().filter(r -> r[0].equals("checkout"))
                .filter(r -> r[1].endsWith("-" + store) || (store.equals("memory") && r[1].matches("checkout-\\d+")))
                .findFirst();
    }
}
