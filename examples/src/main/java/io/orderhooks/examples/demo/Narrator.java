package io.orderhooks.examples.demo;

import java.io.PrintWriter;
import java.util.Objects;

/** Numbered steps with check marks on a console. Not thread-safe. */
final class Narrator {

    private final PrintWriter out;
    private int step;

    Narrator(PrintWriter out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Starts step n+1. */
    void step(String title) {
        step++;
        out.println();
        out.println(String.format("%2d. %s", step, title));
        out.flush();
    }

    /** Something that worked. */
    void done(String what) {
        out.println("    \u2713 " + what);
        out.flush();
    }

    /** Something refused, as the story expects. */
    void refused(String what) {
        out.println("    \u2717 " + what);
        out.flush();
    }

    /** {@code $12.30}: dollars, rounded half-up to the cent. */
    static String money(java.math.BigDecimal amount) {
        return amount == null ? "-" : "$" + amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** A plain line. */
    void line(String text) {
        out.println("    " + text);
        out.flush();
    }
}
