package io.orderhooks.benchmarks;

import java.util.List;

/**
 * The "Failed requests" section of the results, from load.tsv: rows that gave no figure ({@code fail} lines), every
 * non-2xx status counted with the first answer of that status ({@code status} and {@code sample} lines, kept by
 * {@code post.lua} during warm-ups, and during rounds with {@code STATUS_SAMPLES=all}), and the warm-ups and rounds
 * with socket errors. Nothing is written when nothing failed.
 */
final class FailureSection {

    private FailureSection() {}

    static void write(StringBuilder md, List<String[]> load) {
        StringBuilder rows = new StringBuilder();
        for (String[] r : load) {
            switch (r[0]) {
                case "fail" -> rows.append(row(r[1], r[2], "no figure", r[3]));
                case "status" -> rows.append(row(r[1], r[2], r[3] + " × " + r[4], sample(load, r)));
                case "warmup" -> rows.append(socketErrors(r[1], "warmup", r, 2));
                case "round" -> rows.append(socketErrors(r[1], "round " + r[2], r, 3));
                default -> { }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        md.append("## Failed requests\n\n| row | phase | what | first answer / note |\n|---|---|---|---|\n").append(rows)
                .append("\nA warm-up's failures are recorded and the run goes on; a measured round's failed requests "
                        + "are in its row's count (wrk counts answers ≥ 400 and socket errors).\n\n");
    }

    private static String sample(List<String[]> load, String[] status) {
        return load.stream().filter(r -> r[0].equals("sample") && r[1].equals(status[1]) && r[2].equals(status[2])
                && r[3].equals(status[3]) && r.length > 4).map(r -> "`" + r[4].replace("|", "\\|").replace("`", "'") + "`")
                .findFirst().orElse("-");
    }

    /** wrk's connect/read/write/timeout errors of one warm-up or round (fields after the non-2xx count), if any. */
    private static String socketErrors(String name, String phase, String[] r, int first) {
        // fields from `first`: req/s, p50, p99, requests, errors, non2xx, connect, read, write, timeout
        if (r.length < first + 10) {
            return "";
        }
        long socket = 0;
        for (int i = first + 6; i < first + 10; i++) {
            socket += Long.parseLong(r[i]);
        }
        return socket == 0 ? "" : row(name, phase, socket + " socket errors", "connect " + r[first + 6] + ", read "
                + r[first + 7] + ", write " + r[first + 8] + ", timeout " + r[first + 9]);
    }

    private static String row(String name, String phase, String what, String note) {
        return "| " + name + " | " + phase + " | " + what + " | " + note + " |\n";
    }
}
