package io.orderhooks.benchmarks;

import java.util.List;
import java.util.Optional;

/**
 * The engine REST checkout targets of issue #22, judged from the "checkout" rows of load.tsv (each a median over
 * its rounds): the in-memory run at ≥ 2 × the checkouts/s before the issue (8 users, 20 lines) with p99 per request
 * &lt; 25 ms, and the durable stores against the in-memory run of the same harness run: H2 ≥ 0.6 ×, PostgreSQL
 * ≥ 0.5 ×. When the run has a before row ({@code BEFORE_JAR}) the memory rate is judged by after ÷ before of that
 * run; without one, by the issue's {@value #BEFORE} checkouts/s measured in another run, which the verdict says, and
 * only on a machine that was not loaded at the start ({@link TargetSection#absolute}).
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
        Optional<String[]> memory = row("memory", false);
        String target = "Engine REST checkout, 8 users, 20 lines, memory store: ≥ 2 × the checkouts/s before #22";
        if (memory.isEmpty()) {
            section.missing(target, "checkout run");
            return;
        }
        double rate = Double.parseDouble(memory.get()[4]);
        target = "Engine REST checkout, " + memory.get()[2] + " users, " + memory.get()[3]
                + " lines, memory store: ≥ 2 × the checkouts/s before #22";
        Optional<String[]> before = row("memory", true);
        if (before.isPresent()) {
            double base = Double.parseDouble(before.get()[4]);
            section.row(target, TargetSection.fmt("%.1f / %.1f checkouts/s before = **%.2f ×** (same run, %s; %.2f × the "
                    + "issue's %.1f/s)", rate, base, rate / base, rounds(memory.get()), rate / BEFORE, BEFORE)
                    + TargetSection.startLoadNote(load) + failures(memory.get(), before.get()), rate / base >= 2);
        } else {
            section.absolute(target, TargetSection.fmt("**%.1f checkouts/s** = %.2f × the issue's %.1f/s (another run; "
                    + "%s)", rate, rate / BEFORE, BEFORE, rounds(memory.get())) + failures(memory.get()),
                    rate >= 2 * BEFORE, load);
        }
        double p99 = Double.parseDouble(memory.get()[6]) / 1000;
        section.absolute("Engine REST checkout, memory store: p99 per request < 25 ms", TargetSection.fmt("**%.2f ms**", p99),
                p99 < 25, load);
        store("h2", "H2", 0.6, rate, memory.get());
        store("postgres", "PostgreSQL", 0.5, rate, memory.get());
    }

    private void store(String name, String label, double atLeast, double memoryRate, String[] memory) {
        String target = "Engine REST checkout, " + label + " store: ≥ " + atLeast + " × the memory store (same run)";
        Optional<String[]> row = row(name, false);
        if (row.isEmpty()) {
            section.missing(target, label + " checkout run");
            return;
        }
        double rate = Double.parseDouble(row.get()[4]);
        section.row(target, TargetSection.fmt("%.1f / %.1f checkouts/s = **%.2f ×** (%s)", rate, memoryRate,
                rate / memoryRate, rounds(row.get())) + TargetSection.startLoadNote(load) + failures(row.get(), memory),
                rate / memoryRate >= atLeast);
    }

    private static String rounds(String[] row) {
        String n = row.length > 13 ? row[13] : "1";
        return "median of " + n + (n.equals("1") ? " round" : " rounds");
    }

    /** "; N failed checkouts" when any of the rows had failed measured checkouts, else nothing. */
    private static String failures(String[]... rows) {
        long failed = 0;
        for (String[] r : rows) {
            failed += Long.parseLong(r[11]);
        }
        return failed == 0 ? "" : "; " + failed + " failed checkouts";
    }

    /**
     * The median checkout row of {@code store} (one engine): {@code checkout-<lines>[-<store>][-before]}; the memory
     * store's row has no store part.
     */
    private Optional<String[]> row(String store, boolean before) {
        String pattern = "checkout-\\d+" + (store.equals("memory") ? "" : "-" + store) + (before ? "-before" : "");
        return load.stream().filter(r -> r[0].equals("checkout") && r[1].matches(pattern)).findFirst();
    }
}
